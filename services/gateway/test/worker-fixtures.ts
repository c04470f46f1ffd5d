import { createDb } from '@smm/db';
import { buildForwarder, type Forwarder, type ForwarderSettings } from '@smm/forwarder';
import { createLogger } from '@smm/logger';
import { createProducerConnection, createWorkerConnection, Producer, waitForRedis } from '@smm/queue';
import { closeRedis } from '@smm/service-kit';
import { buildStatusSync, loadConfig as loadSyncConfig, type StatusSync } from '@smm/status-sync';
import type { TestDatabase } from '@smm/testkit';
import { afterAll } from 'vitest';
import type { TestGateway } from './harness.ts';

export interface Workers {
  forwarder: Forwarder;
  statusSync: StatusSync;
}

/**
 * The real forwarder and status-sync in process, on a gateway's database and BullMQ prefix, with no
 * schedulers: the test drives syncs itself (`statusSync.run.batch`/`refills`). Closed after the file.
 */
export async function startWorkers(
  t: TestDatabase,
  gw: TestGateway,
  opts: { forwarder?: Partial<ForwarderSettings>; statusSyncEnv?: Record<string, string> } = {},
): Promise<Workers> {
  const silent = createLogger({ service: 'worker-test', level: 'silent' });
  const forwarderConnection = createWorkerConnection(gw.redisUrl);
  const forwarder = buildForwarder({
    sql: t.sql,
    connection: forwarderConnection,
    secretBox: gw.deps.secretBox,
    logger: silent,
    settings: {
      prefix: gw.prefix,
      concurrency: 4,
      allowInsecureProviderUrls: true,
      backoffBaseMs: 100,
      ...opts.forwarder,
    },
  });
  const producerConnection = createProducerConnection(gw.redisUrl);
  const syncDb = createDb(t.url, { max: 3, applicationName: 'status-sync-test' });
  const syncProducer = new Producer({ connection: producerConnection, prefix: gw.prefix });
  const syncWorkerConnection = createWorkerConnection(gw.redisUrl);
  const statusSync = buildStatusSync({
    config: loadSyncConfig({
      NODE_ENV: 'test',
      DATABASE_URL: t.url,
      REDIS_URL: gw.redisUrl,
      BULL_PREFIX: gw.prefix,
      LOG_LEVEL: 'silent',
      ...opts.statusSyncEnv,
    }),
    db: syncDb,
    producer: syncProducer,
    workerConnection: syncWorkerConnection,
    logger: silent,
    schedulers: false,
  });
  await waitForRedis(producerConnection);
  await forwarder.start();
  await statusSync.start({ listen: false });
  afterAll(async () => {
    await forwarder.close();
    forwarderConnection.disconnect();
    await statusSync.close();
    // Whoever creates a connection closes it: the services closed only what they made.
    await syncProducer.close();
    await Promise.all([closeRedis(producerConnection), closeRedis(syncWorkerConnection)]);
    await syncDb.close();
  });
  return { forwarder, statusSync };
}
