import {
  type ClaimInput,
  claimOrders,
  type DbClient,
  type ForwardedInput,
  findOrderTargets,
  markForwardedMany,
  type SecretBox,
  type TargetInput,
} from '@smm/db';
import type { Logger } from '@smm/logger';
import { DEFAULT_TIMEOUTS, ProviderClients } from '@smm/provider-client';
import {
  createWorker,
  duplicateConnection,
  isLastAttempt,
  Producer,
  providerRetryBackoff,
  type RedisConnection,
  type Worker,
} from '@smm/queue';
import { Batcher } from './batcher.ts';
import { ConcurrencyLimit } from './concurrency-limit.ts';
import { forwardCancelProcessor } from './jobs/forward-cancel.ts';
import { forwardOrderProcessor } from './jobs/forward-order.ts';
import { forwardRefillProcessor } from './jobs/forward-refill.ts';
import { ForwarderMetrics } from './metrics.ts';

import { ProviderLimits } from './provider-limits.ts';
import { LocalShare } from './provider-slot.ts';
import { DEFAULT_SETTINGS, type ForwarderSettings } from './settings.ts';

export interface ForwarderDeps {
  /** postgres.js client (`createDb(url).sql`). */
  sql: DbClient['sql'];
  /** A worker connection (`createWorkerConnection`): BullMQ needs maxRetriesPerRequest null. */
  connection: RedisConnection;
  /** Decrypts providers' API keys; must use the gateway's SECRETS_KEY. */
  secretBox: SecretBox;
  logger: Logger;
  settings?: Partial<ForwarderSettings>;
  metrics?: ForwarderMetrics;
}

export interface Forwarder {
  worker: Worker;
  metrics: ForwarderMetrics;
  settings: ForwarderSettings;
  limiter: ConcurrencyLimit;
  /** Starts taking jobs; resolves once the worker is connected. */
  start(): Promise<void>;
  /** Stops taking jobs, waits for running ones, closes its queues and its own connection (not the one it was given). */
  close(): Promise<void>;
}

export function buildForwarder(deps: ForwarderDeps): Forwarder {
  const settings: ForwarderSettings = { ...DEFAULT_SETTINGS, ...deps.settings };
  const metrics = deps.metrics ?? new ForwarderMetrics();
  const logger = deps.logger;
  const requestTimeout = settings.providerTimeouts.request ?? DEFAULT_TIMEOUTS.request;
  // Leases and follow-up jobs on a connection of their own with auto-pipelining: the acquires and
  // releases of many concurrent jobs leave in one write instead of one each. BullMQ keeps its own.
  const side = duplicateConnection(deps.connection, {
    enableAutoPipelining: true,
    connectionName: 'forwarder-leases',
  });
  side.on('error', () => {
    // The same outage shows on the worker connection, whose listener logs it.
  });
  const limiter = new ConcurrencyLimit({
    redis: side,
    prefix: settings.prefix,
    leaseMs: requestTimeout + 10_000,
  });
  const producer = new Producer({ connection: side, prefix: settings.prefix });
  // Two statements in flight per step at most: under load the rest gather into the next one.
  const batch = { maxSize: 100, maxInFlight: 2, key: (i: { orderId: string }) => i.orderId } as const;
  const clients = new ProviderClients({
    decrypt: (enc) => deps.secretBox.decrypt(enc),
    timeouts: settings.providerTimeouts,
    onCallFor: (providerId) => metrics.onCall(providerId),
  });
  const limits = new ProviderLimits(deps.sql, settings.providerCacheMs);
  const slot = {
    limiter,
    limits,
    local: new LocalShare(settings.concurrency, settings.providerShare),
    limitRetryMs: settings.limitRetryMs,
  };
  const upstream = {
    sql: deps.sql,
    clients,
    logger,
    allowInsecureProviderUrls: settings.allowInsecureProviderUrls,
    slot,
  };
  const processor = forwardOrderProcessor({
    sql: deps.sql,
    targets: new Batcher((inputs: TargetInput[]) => findOrderTargets(deps.sql, inputs), batch),
    claims: new Batcher((inputs: ClaimInput[]) => claimOrders(deps.sql, inputs), batch),
    forwardedWrites: new Batcher((inputs: ForwardedInput[]) => markForwardedMany(deps.sql, inputs), batch),
    slot,
    clients,
    producer,
    metrics,
    logger,
    settings,
  });
  const worker = createWorker(
    'order-forward',
    {
      'forward-order': processor,
      'forward-refill': forwardRefillProcessor(upstream),
      'forward-cancel': forwardCancelProcessor(upstream),
    },
    {
      connection: deps.connection,
      prefix: settings.prefix,
      concurrency: settings.concurrency,
      // A job whose worker died mid-call must never run again: its order may be at the provider.
      maxStalledCount: 0,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      autorun: false,
      settings: { backoffStrategy: providerRetryBackoff(settings) },
    },
  );
  worker.on('error', (err) => logger.error({ err }, 'forward worker error'));
  worker.on('failed', (job, err) => {
    if (!job) return;
    // Retries are logged by the processor; this is the final word on jobs that will not run again.
    if (isLastAttempt(job, 'failed') || err.name === 'UnrecoverableError') {
      logger.warn({ jobId: job.id, orderId: job.data?.orderId, reason: err.message }, 'forward job failed');
    }
  });

  let running: Promise<void> | null = null;
  return {
    worker,
    metrics,
    settings,
    limiter,
    async start() {
      running ??= worker.run().catch((err: unknown) => logger.error({ err }, 'forward worker stopped'));
      await worker.waitUntilReady();
    },
    async close() {
      await worker.close();
      await running;
      await producer.close();
      await side.quit().catch(() => side.disconnect());
    },
  };
}
