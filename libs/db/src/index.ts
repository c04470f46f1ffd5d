export { type CreateDbOptions, createDb, type Db, type DbClient, type DbOrTx } from './client.ts';
export { ensureDatabase, MIGRATIONS_FOLDER, runMigrations } from './migrate.ts';
export * from './orders/index.ts';
export * from './repositories/balance.ts';
export * from './repositories/deposits.ts';
export * from './repositories/import-services.ts';
export {
  RotationError,
  type RotationOptions,
  type RotationResult,
  rotateProviderSecrets,
} from './repositories/rotate-secrets.ts';
export * from './schema.ts';
export { createSecretBox, maskSecret, type SecretBox } from './secret-box.ts';
export type { SqlLike } from './sql-like.ts';
