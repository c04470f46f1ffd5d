import { createSecretBox } from '@smm/db';
import { createLogger } from '@smm/logger';
import {
  buildOpsServer,
  listeningPort,
  postgres,
  redis,
  runService,
  type ServiceDeps,
} from '@smm/service-kit';
import { collectDefaultMetrics } from 'prom-client';
import { buildForwarder } from './build-forwarder.ts';
import { type ForwarderConfig, loadConfig } from './config.ts';
import { ForwarderMetrics } from './metrics.ts';

type Connections = ReturnType<typeof connections>;

const connections = ({ env }: ForwarderConfig) => ({
  db: postgres(env.DATABASE_URL, {
    max: env.DB_POOL_MAX,
    applicationName: 'forwarder',
    prepare: env.DATABASE_PREPARE,
  }),
  connection: redis(
    { url: env.REDIS_URL, clusterNodes: env.REDIS_CLUSTER_NODES },
    { kind: 'worker', connectionName: 'forwarder' },
  ),
});

/** The forward worker and its ops port, on the connections the skeleton opened (and will close). */
function build({ config, logger, db, connection }: ServiceDeps<ForwarderConfig, Connections>) {
  const { env, settings } = config;
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
    logger,
  });
  return {
    async start() {
      await ops.listen({ port: env.PORT, host: env.HOST });
      await forwarder.start();
      const port = listeningPort(ops, env.PORT);
      return { fields: { port, prefix: settings.prefix, concurrency: settings.concurrency } };
    },
    async stop() {
      // A job still in its provider call when the deadline passes stays `submitting`: repair sends it to review.
      await ops.close();
      await forwarder.close();
    },
  };
}

/** The only place the forwarder reads process.env. */
await runService({
  name: 'forwarder',
  loadConfig,
  createLogger: ({ env }) =>
    createLogger({ service: 'forwarder', level: env.LOG_LEVEL, pretty: env.LOG_PRETTY ?? false }),
  connections,
  build,
  startWaitMs: ({ env }) => env.START_WAIT_MS,
  shutdownTimeoutMs: ({ env }) => env.SHUTDOWN_TIMEOUT_MS,
});
