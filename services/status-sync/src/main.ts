import { createLogger } from '@smm/logger';
import { Producer } from '@smm/queue';
import { postgres, redis, runService, type ServiceDeps } from '@smm/service-kit';
import { loadConfig, type StatusSyncConfig } from './config.ts';
import { buildStatusSync } from './status-sync.ts';

type Connections = ReturnType<typeof connections>;

const connections = (config: StatusSyncConfig) => ({
  db: postgres(config.databaseUrl, {
    max: config.dbPoolMax,
    applicationName: 'status-sync',
    prepare: config.dbPrepare,
  }),
  producerConnection: redis(config.redis, { kind: 'producer', connectionName: 'status-sync-producer' }),
  workerConnection: redis(config.redis, { kind: 'worker', connectionName: 'status-sync-worker' }),
});

/** Schedulers, the sync worker and the ops port, on the connections the skeleton opened (and will close). */
function build({
  config,
  logger,
  db,
  producerConnection,
  workerConnection,
}: ServiceDeps<StatusSyncConfig, Connections>) {
  const producer = new Producer({ connection: producerConnection, prefix: config.bullPrefix });
  const service = buildStatusSync({ config, db, producer, workerConnection, logger });
  return {
    async start() {
      const { port } = await service.start();
      return {
        fields: { port, syncIntervalMs: config.syncIntervalMs, repairIntervalMs: config.repairIntervalMs },
      };
    },
    async stop() {
      await service.close();
      await producer.close();
    },
  };
}

/** The only place status-sync reads process.env. */
await runService({
  name: 'status-sync',
  loadConfig,
  createLogger: (config) =>
    createLogger({ service: 'status-sync', level: config.logLevel, pretty: config.logPretty }),
  connections,
  build,
  startWaitMs: (config) => config.startWaitMs,
  // service.close() forces its worker closed at shutdownTimeoutMs; then the connections get 2 s more.
  shutdownTimeoutMs: (config) => config.shutdownTimeoutMs + 2_000,
});
