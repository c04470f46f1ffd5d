import { ConfigError } from '@smm/config';
import { createDb } from '@smm/db';
import { createLogger } from '@smm/logger';
import { createProducerConnection, createWorkerConnection, Producer, waitForRedis } from '@smm/queue';
import { safeUrl, waitUntilReachable } from '@smm/service-kit';
import { loadConfig } from './config.ts';
import { buildStatusSync } from './status-sync.ts';

// The one place status-sync reads process.env.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const logger = createLogger({ service: 'status-sync', level: config.logLevel, pretty: config.logPretty });
const safeDbUrl = safeUrl(config.databaseUrl);
const safeRedisUrl = safeUrl(config.redisUrl);

const db = createDb(config.databaseUrl, { max: config.dbPoolMax, applicationName: 'status-sync' });
// Postgres or Redis down at start: wait for them (one line per attempt) instead of exiting.
const wait = { log: (line: string) => logger.warn(line), maxWaitMs: config.startWaitMs };
try {
  await waitUntilReachable({ name: 'Postgres', where: safeDbUrl, check: () => db.sql`select 1` }, wait);
} catch (err) {
  console.error(`status-sync: ${(err as Error).message}`);
  await db.close(0).catch(() => {});
  process.exit(1);
}

const producerConnection = createProducerConnection(config.redisUrl, {
  connectionName: 'status-sync-producer',
});
const workerConnection = createWorkerConnection(config.redisUrl, { connectionName: 'status-sync-worker' });
// The connections retry forever on their own; until start succeeds, one line instead of a stream of stacks.
producerConnection.on('error', () => {});
workerConnection.on('error', () => {});
try {
  await waitUntilReachable(
    { name: 'Redis', where: safeRedisUrl, check: () => waitForRedis(producerConnection, 2_000) },
    wait,
  );
} catch (err) {
  console.error(`status-sync: ${(err as Error).message}`);
  producerConnection.disconnect();
  workerConnection.disconnect();
  await db.close(0).catch(() => {});
  process.exit(1);
}
producerConnection.removeAllListeners('error');
workerConnection.removeAllListeners('error');
producerConnection.on('error', (err) => logger.warn({ err: err.message }, 'redis (producer) error'));
workerConnection.on('error', (err) => logger.warn({ err: err.message }, 'redis (worker) error'));

const service = buildStatusSync({
  config,
  db,
  producer: new Producer({ connection: producerConnection, prefix: config.bullPrefix }),
  workerConnection,
  logger,
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await service.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

const { port } = await service.start();
logger.info(
  { port, syncIntervalMs: config.syncIntervalMs, repairIntervalMs: config.repairIntervalMs },
  'status-sync started',
);
