import { z } from 'zod';
import { parseClusterNodes } from './redis-cluster.ts';
import { decodeSecretsKey } from './weak-secrets.ts';

export const nodeEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
};

export const logEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: z.stringbool().optional(),
};

export const databaseEnv = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/smm'),
  /**
   * `false` turns off postgres.js' named prepared statements: needed behind PgBouncer in transaction
   * mode, where consecutive statements of one client may reach different server connections, so a
   * statement prepared on one is unknown on the next.
   */
  DATABASE_PREPARE: z.stringbool().default(true),
};

export const redisEnv = {
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /**
   * Seed nodes of a Redis Cluster, `host:port,host:port`; REDIS_URL then only gives the credentials
   * and TLS (rediss://) every node is reached with. Unset: REDIS_URL is one standalone Redis.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .transform((v, ctx) => {
      const nodes = parseClusterNodes(v);
      if (!nodes) ctx.addIssue({ code: 'custom', message: 'must be host:port[,host:port…]' });
      return nodes ?? [];
    })
    .optional(),
};

const KEY_FORMAT = 'must be 32 bytes, as 64 hex characters or base64';

/**
 * SECRETS_KEY: 32 bytes as 64 hex chars or base64; required and checked for weakness in production
 * (`productionSecrets`). SECRETS_KEY_PREVIOUS: the key being rotated away from, only ever used to
 * decrypt (`npm run secrets:rotate`).
 */
export const secretsKeyEnv = {
  SECRETS_KEY: z
    .string()
    .refine((v) => decodeSecretsKey(v) !== null, KEY_FORMAT)
    .optional(),
  SECRETS_KEY_PREVIOUS: z
    .string()
    .refine((v) => decodeSecretsKey(v) !== null, KEY_FORMAT)
    .optional(),
};

/**
 * METRICS_TOKEN: when set, /metrics wants `Authorization: Bearer <token>`; required in production
 * (`productionSecrets`), so business figures are never open to whoever reaches the port.
 */
export const metricsTokenEnv = {
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
};

export function portEnv(defaultPort: number) {
  return { PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort) };
}

export function boolFlag(defaultValue: boolean) {
  return z.stringbool().default(defaultValue);
}

export function isProduction(env: { NODE_ENV: string }): boolean {
  return env.NODE_ENV === 'production';
}
