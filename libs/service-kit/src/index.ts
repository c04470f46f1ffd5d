export {
  type ConnectionSpec,
  closeRedis,
  logRedisErrors,
  postgres,
  type RedisSpecOptions,
  redis,
} from './connections.ts';
export { pendingMigrations } from './migrations.ts';
export { buildOpsServer, listeningPort, type OpsServerOptions } from './ops-server.ts';
export {
  type Clients,
  runService,
  type Service,
  type ServiceDefinition,
  type ServiceDeps,
  type Started,
} from './run-service.ts';
export {
  type Dependency,
  DependencyUnreachable,
  reasonOf,
  safeUrl,
  type WaitOptions,
  waitUntilReachable,
} from './wait-for.ts';
