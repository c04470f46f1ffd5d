import { z } from 'zod';
import {
  databaseEnv,
  logEnv,
  metricsTokenEnv,
  nodeEnv,
  portEnv,
  redisEnv,
  secretsKeyEnv,
} from './fragments.ts';
import type { RedisClusterNode } from './redis-cluster.ts';
import { resolveSecretsKeys } from './secrets.ts';

/**
 * The variables every service process reads (gateway, forwarder, status-sync): where it listens,
 * how it logs, its Postgres and Redis, the queue prefix, the secrets key and the metrics token.
 * A service adds its own on top.
 */
export function serviceEnv(defaultPort: number) {
  return {
    ...nodeEnv,
    ...logEnv,
    ...databaseEnv,
    ...redisEnv,
    ...secretsKeyEnv,
    ...metricsTokenEnv,
    ...portEnv(defaultPort),
    HOST: z.string().min(1).default('0.0.0.0'),
    BULL_PREFIX: z.string().min(1).default('bull'),
    DB_POOL_MAX: z.coerce.number().int().positive().default(10),
    /** How long to wait for Postgres/Redis at start before giving up (0: wait as long as it takes). */
    START_WAIT_MS: z.coerce.number().int().min(0).default(0),
  };
}

type ServiceEnvShape = ReturnType<typeof serviceEnv>;
export type ServiceEnv = z.infer<z.ZodObject<ServiceEnvShape>>;

/** What every service's config holds, resolved from `serviceEnv`'s variables. */
export interface ServiceBase {
  nodeEnv: ServiceEnv['NODE_ENV'];
  host: string;
  port: number;
  logLevel: ServiceEnv['LOG_LEVEL'];
  logPretty: boolean;
  databaseUrl: string;
  /** DATABASE_PREPARE: false behind PgBouncer in transaction mode. */
  dbPrepare: boolean;
  redisUrl: string;
  /** REDIS_URL, and the cluster's seed nodes when REDIS_CLUSTER_NODES is set. */
  redis: { url: string; clusterNodes?: RedisClusterNode[] | undefined };
  dbPoolMax: number;
  bullPrefix: string;
  /** AES-256-GCM key for provider secrets at rest (SECRETS_KEY; fixed dev key outside production). */
  secretsKey: Buffer;
  /** SECRETS_KEY_PREVIOUS during a key rotation: still opens what it sealed, never seals anything. */
  previousSecretsKey: Buffer | undefined;
  /** /metrics on the ops port wants this bearer token; required in production. */
  metricsToken: string | undefined;
  startWaitMs: number;
}

/** Throws a ConfigError in production without a (good) SECRETS_KEY: the service refuses to start. */
export function resolveServiceBase(env: ServiceEnv, service: string): ServiceBase {
  const keys = resolveSecretsKeys(env, service);
  return {
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    logPretty: env.LOG_PRETTY ?? false,
    databaseUrl: env.DATABASE_URL,
    dbPrepare: env.DATABASE_PREPARE,
    redisUrl: env.REDIS_URL,
    redis: { url: env.REDIS_URL, clusterNodes: env.REDIS_CLUSTER_NODES },
    dbPoolMax: env.DB_POOL_MAX,
    bullPrefix: env.BULL_PREFIX,
    secretsKey: keys.current,
    previousSecretsKey: keys.previous,
    metricsToken: env.METRICS_TOKEN,
    startWaitMs: env.START_WAIT_MS,
  };
}
