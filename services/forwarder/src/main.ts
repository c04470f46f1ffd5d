import { ConfigError } from '@smm/config';
import { createDb, createSecretBox } from '@smm/db';
import { createLogger } from '@smm/logger';
import { createWorkerConnection, waitForRedis } from '@smm/queue';
import { safeUrl, waitUntilReachable } from '@smm/service-kit';
import { collectDefaultMetrics } from 'prom-client';
import { buildForwarder } from './build-forwarder.ts';
import { loadConfig } from './config.ts';
import { ForwarderMetrics } from './metrics.ts';
import { buildOpsServer } from './ops-server.ts';

/** Config → connections → buildForwarder → start; the only place that reads process.env. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const { env, settings } = config;
  const logger = createLogger({
    service: 'forwarder',
    level: env.LOG_LEVEL,
    pretty: env.LOG_PRETTY ?? false,
  });

  const db = createDb(env.DATABASE_URL, { max: env.DB_POOL_MAX, applicationName: 'forwarder' });
  // Postgres or Redis down at start: wait for them (one line per attempt) instead of exiting, so a
  // restart during an outage does not turn into a crash loop.
  const wait = { log: (line: string) => logger.warn(line), maxWaitMs: env.START_WAIT_MS };
  try {
    await waitUntilReachable(
      { name: 'Postgres', where: safeUrl(env.DATABASE_URL), check: () => db.sql`select 1` },
      wait,
    );
  } catch (err) {
    await db.close(1).catch(() => {});
    fail(`forwarder: ${(err as Error).message}`);
  }

  const connection = createWorkerConnection(env.REDIS_URL, { connectionName: 'forwarder' });
  let lastRedisError = '';
  connection.on('error', (err: Error) => {
    // ioredis repeats the same error on every reconnect attempt; one line per distinct error is enough.
    if (err.message !== lastRedisError) logger.warn({ err: err.message }, 'redis connection error');
    lastRedisError = err.message;
  });
  connection.on('ready', () => {
    lastRedisError = '';
  });
  try {
    await waitUntilReachable(
      {
        name: 'Redis',
        where: safeUrl(env.REDIS_URL),
        check: () =>
          waitForRedis(connection, 2_000).catch(() =>
            Promise.reject(new Error(lastRedisError || 'not ready')),
          ),
      },
      wait,
    );
  } catch (err) {
    connection.disconnect();
    await db.close(1).catch(() => {});
    fail(`forwarder: ${(err as Error).message}`);
  }

  const metrics = new ForwarderMetrics();
  collectDefaultMetrics({ register: metrics.registry });
  const forwarder = buildForwarder({
    sql: db.sql,
    connection,
    // Current key first; during a rotation the previous one still opens rows not yet re-encrypted.
    secretBox: createSecretBox(
      config.previousSecretsKey ? [config.secretsKey, config.previousSecretsKey] : [config.secretsKey],
    ),
    logger,
    settings,
    metrics,
  });
  const ops = buildOpsServer({
    registry: metrics.registry,
    metricsToken: config.metricsToken,
    checks: { postgres: () => db.sql`select 1`, redis: () => connection.ping() },
  });
  await ops.listen({ port: env.PORT, host: env.HOST });
  await forwarder.start();
  const address = ops.server.address();
  logger.info(
    {
      port: typeof address === 'object' && address ? address.port : env.PORT,
      prefix: settings.prefix,
      concurrency: settings.concurrency,
    },
    'forwarder started',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, deadlineMs: env.SHUTDOWN_TIMEOUT_MS }, 'forwarder stopping');
    const deadline = setTimeout(() => {
      // A job still in its provider call stays `submitting`; the repair job sends it to review.
      logger.error('shutdown deadline passed; exiting with jobs still running');
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    try {
      await ops.close();
      await forwarder.close();
      await connection.quit().catch(() => connection.disconnect());
      await db.close(5);
      logger.info('forwarder stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

await main();
