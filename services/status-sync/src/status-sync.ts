import { type DbClient, releaseAllClaims } from '@smm/db';
import { jobLogger, type Logger } from '@smm/logger';
import type { Timeouts } from '@smm/provider-client';
import {
  createWorker,
  type Producer,
  QUEUE,
  type Queue,
  type RedisConnection,
  type Worker,
  waitForRedis,
} from '@smm/queue';
import { buildOpsServer } from '@smm/service-kit';
import type { FastifyInstance } from 'fastify';
import type { StatusSyncConfig } from './config.ts';
import type { JobContext } from './context.ts';
import { type PurgeResult, runPurgeIdempotency } from './jobs/purge-idempotency.ts';
import { type RepairResult, runRepairStuck } from './jobs/repair-stuck.ts';
import { runSyncBatch, type SyncBatchResult } from './jobs/sync-batch.ts';
import { runSyncRefills, type SyncRefillsResult } from './jobs/sync-refills.ts';
import { runSweep, type SweepResult, sweepIdFor } from './jobs/sync-sweep.ts';
import { createMetrics, type StatusSyncMetrics } from './metrics.ts';
import { SchedulerKeeper } from './scheduler-keeper.ts';
import { upsertSchedulers } from './schedulers.ts';
import { syncLagSeconds } from './sync-lag.ts';
import { SyncProviders } from './sync-providers.ts';

/**
 * Everything status-sync talks to, built by main.ts (or a test). Whoever creates them closes them:
 * close() stops what buildStatusSync made (HTTP, worker, scheduler keeper), never these.
 */
export interface StatusSyncDeps {
  config: StatusSyncConfig;
  db: DbClient;
  /** BullMQ producer on a fail-fast connection (createProducerConnection). */
  producer: Producer;
  /** The worker's connection (createWorkerConnection: maxRetriesPerRequest null). */
  workerConnection: RedisConnection;
  logger: Logger;
  /** Provider call timeouts (defaults: the client's). */
  providerTimeouts?: Partial<Timeouts>;
  /** Upsert the job schedulers on start (default true). Tests that drive sweeps by hand turn it off. */
  schedulers?: boolean;
}

export interface StatusSync {
  app: FastifyInstance;
  worker: Worker;
  metrics: StatusSyncMetrics;
  /** The producer it enqueues with (batches, repaired forward jobs); tests and e2e enqueue through it. */
  producer: Producer;
  /** The handlers, callable in-process (same code the worker runs). */
  run: {
    sweep(opts?: { force?: boolean; sweepId?: string }): Promise<SweepResult>;
    batch(input: { providerId: string; orderIds: string[] }): Promise<SyncBatchResult>;
    repair(): Promise<RepairResult>;
    refills(): Promise<SyncRefillsResult>;
    purgeIdempotency(): Promise<PurgeResult>;
  };
  /** The `status-sync` queue (on the producer connection); available after start(). */
  queue(): Queue;
  /** Re-creates job schedulers Redis lost (also run on reconnect and on a timer). */
  healSchedulers(): Promise<string[]>;
  /** Waits for Redis, upserts the schedulers, starts the worker and the HTTP server. */
  start(opts?: { listen?: boolean }): Promise<{ port: number | null }>;
  /** HTTP → scheduler keeper → worker, forced after config.shutdownTimeoutMs; the deps stay open (their creator closes them). */
  close(): Promise<void>;
}

export function buildStatusSync(deps: StatusSyncDeps): StatusSync {
  const { config, db, producer, workerConnection, logger } = deps;
  const metrics = createMetrics(() => syncLagSeconds(db.sql));
  const providers = new SyncProviders({
    sql: db.sql,
    secretsKey: config.secretsKey,
    previousSecretsKey: config.previousSecretsKey,
    allowInsecureUrls: config.allowInsecureProviderUrls,
    timeouts: deps.providerTimeouts,
    onCall: (providerId, event) => metrics.providerCall(providerId, event),
  });
  const ctx: JobContext = { sql: db.sql, producer, logger, metrics, providers, settings: config };

  const worker = createWorker(
    QUEUE.statusSync,
    {
      'sync-sweep': (job) =>
        runSweep(
          ctx,
          { force: job.data.force ?? false, sweepId: sweepIdFor(job.id, job.timestamp) },
          jobLogger(logger, job),
        ),
      'sync-batch': (job) => runSyncBatch(ctx, job.data, jobLogger(logger, job)),
      'sync-refills': (job) => runSyncRefills(ctx, jobLogger(logger, job)),
      'repair-stuck': (job) => runRepairStuck(ctx, jobLogger(logger, job)),
      'purge-idempotency-keys': (job) => runPurgeIdempotency(ctx, jobLogger(logger, job)),
    },
    {
      connection: workerConnection,
      prefix: config.bullPrefix,
      concurrency: config.syncConcurrency,
      autorun: false,
    },
  );
  worker.on('failed', (job, err) => {
    logger.warn(
      { err, jobId: job?.id, job: job?.name, attempts: job?.attemptsMade },
      'status-sync job failed',
    );
  });
  worker.on('error', (err) => logger.error({ err }, 'status-sync worker error'));

  const keepSchedulers = deps.schedulers !== false;
  const keeper = new SchedulerKeeper({
    queue: () => producer.queue(QUEUE.statusSync),
    connection: producer.connection,
    settings: config,
    logger,
    metrics,
    checkIntervalMs: config.schedulerCheckMs,
    // Batches lost with Redis would keep their orders claimed for the whole lease: give them back.
    onDataLoss: async () => {
      const released = await releaseAllClaims(db.sql);
      logger.warn({ released }, 'Redis lost its data: sync claims released');
      metrics.repaired.inc({ action: 'sync_claims_released' }, released);
    },
  });

  const app = buildOpsServer({
    logger,
    registry: metrics.registry,
    metricsToken: config.metricsToken,
    checks: {
      postgres: () => db.sql`select 1`,
      redis: async () => {
        if (producer.connection.status !== 'ready') throw new Error(`redis is ${producer.connection.status}`);
        await producer.connection.ping();
      },
      ...(keepSchedulers
        ? {
            schedulers: async () => {
              const missing = await keeper.missing();
              if (missing.length > 0) {
                void keeper.heal().catch(() => {});
                throw new Error(`job schedulers missing: ${missing.join(', ')}`);
              }
            },
          }
        : {}),
    },
  });

  let running: Promise<void> | null = null;
  let closing: Promise<void> | null = null;

  async function closeInOrder(): Promise<void> {
    keeper.stop();
    await app.close();
    await worker.close();
    await running?.catch(() => {});
  }

  return {
    app,
    worker,
    metrics,
    producer,
    run: {
      sweep: (opts = {}) =>
        runSweep(
          ctx,
          { force: opts.force ?? false, sweepId: opts.sweepId ?? `manual_${Date.now()}` },
          logger,
        ),
      batch: (input) => runSyncBatch(ctx, input, logger),
      repair: () => runRepairStuck(ctx, logger),
      refills: () => runSyncRefills(ctx, logger),
      purgeIdempotency: () => runPurgeIdempotency(ctx, logger),
    },
    queue: () => producer.queue(QUEUE.statusSync),
    healSchedulers: () => keeper.heal(),
    async start(opts = {}) {
      await waitForRedis(producer.connection, 10_000);
      if (keepSchedulers) {
        await upsertSchedulers(producer.queue(QUEUE.statusSync), config);
        keeper.start();
      }
      running = worker.run();
      running.catch((err) => logger.error({ err }, 'status-sync worker stopped'));
      if (opts.listen === false) return { port: null };
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    close() {
      closing ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs);
        });
        const outcome = await Promise.race([closeInOrder().then(() => 'done' as const), deadline]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
          logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown deadline passed; forcing close');
          await worker.close(true).catch(() => {});
        }
      })();
      return closing;
    },
  };
}
