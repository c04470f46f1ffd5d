export {
  freePort,
  type PrivatePostgres,
  type PrivateRedis,
  postgresBinDir,
  startPrivatePostgres,
  startPrivateRedis,
} from './private-servers.ts';
export { type ExitedProcess, type RunningProcess, runUntilExit, startUntil } from './processes.ts';
export {
  goodProductionSecrets,
  type ProductionSecret,
  WEAK_SECRET_CASES,
} from './production-secrets.ts';
export { resolveTestServers, type TestServers } from './servers.ts';
export { ensureTemplate, templateName } from './template.ts';
export { createTestDatabase, type TestDatabase } from './test-database.ts';
export { deletePrefix, testPrefix, testRedis } from './test-redis.ts';
