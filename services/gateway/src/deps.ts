import { type CreateDbOptions, createDb, createSecretBox, type DbClient, type SecretBox } from '@smm/db';
import { createLogger, type Logger } from '@smm/logger';
import { createProducerConnection, Producer, type RedisConnection, waitForRedis } from '@smm/queue';
import { logRedisErrors } from '@smm/service-kit';
import type { GatewayConfig } from './config.ts';

/** Everything the gateway talks to, built by main.ts (or a test) and handed to buildGateway. */
export interface GatewayDeps {
  config: GatewayConfig;
  db: DbClient;
  /** BullMQ producer on a fail-fast connection (createProducerConnection). */
  producer: Producer;
  /** A plain ioredis connection (standalone or cluster) for the rate-limit store (and the readiness probe). */
  redis: RedisConnection;
  logger: Logger;
  /**
   * Encrypts provider secrets with config.secretsKey (the workers use the same key) and decrypts with
   * it or, during a rotation, with config.previousSecretsKey.
   */
  secretBox: SecretBox;
}

/**
 * Connecting gives up after 2 s: in an outage requests fail fast instead of queueing behind it.
 * `prepare` is DATABASE_PREPARE (false behind PgBouncer in transaction mode).
 */
export function gatewayDbOptions(config: Pick<GatewayConfig, 'dbPoolMax' | 'dbPrepare'>): CreateDbOptions {
  return { max: config.dbPoolMax, applicationName: 'gateway', connectTimeout: 2, prepare: config.dbPrepare };
}

/** On top of createProducerConnection (no offline queue, one retry): the queue producer's name. */
export const PRODUCER_REDIS = { connectionName: 'gateway-producer' } as const;

/**
 * Rate limiting must never hold a request hostage to a Redis outage: createProducerConnection's no
 * offline queue and one retry, with a 1 s command timeout. Auto-pipelined: the counters of all the
 * requests read in one event-loop turn go to Redis in one write (+5–7 % orders/s under the intake
 * benchmark, in alternating runs); each request still waits for its own answer.
 */
export const RATE_LIMIT_REDIS = {
  commandTimeout: 1_000,
  connectionName: 'gateway-ratelimit',
  enableAutoPipelining: true,
} as const;

export interface OpenDepsOptions {
  /** An existing client (a test database); otherwise one is created from config.databaseUrl. */
  db?: DbClient;
  logger?: Logger;
  /** How long to wait for Redis before giving up. */
  redisTimeoutMs?: number;
}

/**
 * Opens the connections from config and waits until Redis answers (a producer built before Redis
 * is ready would refuse every enqueue). Used by main.ts and by tests of this and other packages.
 */
export async function openDeps(config: GatewayConfig, opts: OpenDepsOptions = {}): Promise<GatewayDeps> {
  const logger =
    opts.logger ?? createLogger({ service: 'gateway', level: config.logLevel, pretty: config.logPretty });
  const db = opts.db ?? createDb(config.databaseUrl, gatewayDbOptions(config));
  const producerConnection = createProducerConnection(config.redis, PRODUCER_REDIS);
  const redis = createProducerConnection(config.redis, RATE_LIMIT_REDIS);
  logRedisErrors(producerConnection, logger, PRODUCER_REDIS.connectionName);
  logRedisErrors(redis, logger, RATE_LIMIT_REDIS.connectionName);
  const deps = gatewayDeps(config, { db, producerConnection, redis, logger });
  try {
    const ms = opts.redisTimeoutMs ?? 5_000;
    await Promise.all([waitForRedis(producerConnection, ms), waitForRedis(redis, ms)]);
  } catch (e) {
    await closeDeps(deps, { keepDb: opts.db !== undefined });
    throw e;
  }
  return deps;
}

/**
 * The gateway's dependencies on connections someone else opened (openDeps, or main.ts's skeleton):
 * the producer and the secret box are made here; closing the connections stays with their creator.
 */
export function gatewayDeps(
  config: GatewayConfig,
  c: { db: DbClient; producerConnection: RedisConnection; redis: RedisConnection; logger: Logger },
): GatewayDeps {
  return {
    config,
    db: c.db,
    producer: new Producer({ connection: c.producerConnection, prefix: config.bullPrefix }),
    redis: c.redis,
    logger: c.logger,
    secretBox: createSecretBox(secretsKeys(config)),
  };
}

/** The current key first, then the one being rotated away from (if any). */
export function secretsKeys(config: Pick<GatewayConfig, 'secretsKey' | 'previousSecretsKey'>): Buffer[] {
  return config.previousSecretsKey ? [config.secretsKey, config.previousSecretsKey] : [config.secretsKey];
}

/** architecture.md#jobs order, after the HTTP server is closed: queues → Redis → Postgres. */
export async function closeDeps(deps: GatewayDeps, opts: { keepDb?: boolean } = {}): Promise<void> {
  await deps.producer.close().catch(() => {});
  await Promise.allSettled([quit(deps.producer.connection), quit(deps.redis)]);
  if (!opts.keepDb) await deps.db.close(5).catch(() => {});
}

async function quit(conn: RedisConnection): Promise<void> {
  if (conn.status === 'end') return;
  // quit() needs a live connection; a dead one is just dropped.
  if (conn.status !== 'ready') return void conn.disconnect();
  await conn.quit().catch(() => conn.disconnect());
}
