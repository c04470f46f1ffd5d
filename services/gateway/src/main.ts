import { createLogger } from '@smm/logger';
import { pendingMigrations, postgres, redis, runService, type ServiceDeps } from '@smm/service-kit';
import { buildGateway } from './app.ts';
import { type GatewayConfig, loadConfig } from './config.ts';
import { gatewayDbOptions, gatewayDeps, PRODUCER_REDIS, RATE_LIMIT_REDIS } from './deps.ts';
import { ensureAdmin } from './use-cases/users.ts';

const SHUTDOWN_DEADLINE_MS = 10_000;

type Connections = ReturnType<typeof connections>;

const connections = (config: GatewayConfig) => ({
  db: postgres(config.databaseUrl, gatewayDbOptions(config)),
  producerConnection: redis(config.redis, { kind: 'producer', ...PRODUCER_REDIS }),
  redis: redis(config.redis, {
    kind: 'producer',
    connectionName: RATE_LIMIT_REDIS.connectionName,
    options: RATE_LIMIT_REDIS,
  }),
});

/** The HTTP API on the connections the skeleton opened (and will close). */
async function build({ config, logger, ...connected }: ServiceDeps<GatewayConfig, Connections>) {
  // Migrations run before the services start (`npm start`, the compose `migrate` step), never here.
  const pending = await pendingMigrations(connected.db.sql);
  if (pending.length > 0) {
    throw new Error(
      `the database is ${pending.length} migration(s) behind (${pending.join(', ')}): run \`npm run db:migrate\` first`,
    );
  }
  if (config.jwt.secretGenerated) {
    logger.warn('JWT_SECRET not set: using a generated secret, sessions end when the process restarts');
  }
  const deps = gatewayDeps(config, { ...connected, logger });
  await ensureAdmin(deps.db.sql, config, logger);
  const app = await buildGateway(deps);
  return {
    async start() {
      await app.listen({ host: config.host, port: config.port });
      return {
        message: `gateway listening on port ${config.port}`,
        fields: { docs: `http://localhost:${config.port}/docs` },
      };
    },
    async stop() {
      // Stop taking requests first; the skeleton then closes Redis and Postgres.
      await app.close().catch((err) => logger.error({ err }, 'closing HTTP server'));
      await deps.producer.close();
    },
  };
}

/** The only place the gateway reads process.env. */
await runService({
  name: 'gateway',
  loadConfig,
  createLogger: (config) =>
    createLogger({ service: 'gateway', level: config.logLevel, pretty: config.logPretty }),
  connections,
  build,
  startWaitMs: (config) => config.startWaitMs,
  shutdownTimeoutMs: () => SHUTDOWN_DEADLINE_MS,
});
