import { type CreateDbOptions, createDb, type DbClient } from '@smm/db';
import type { Logger } from '@smm/logger';
import {
  createProducerConnection,
  createWorkerConnection,
  type RedisConnection,
  type RedisTarget,
  waitForRedis,
} from '@smm/queue';
import type { RedisOptions } from 'ioredis';
import { safeUrl } from './wait-for.ts';

/**
 * One connection a service's start opens, waits for and — after the service stopped — closes. The
 * skeleton (runService) is its creator, so the skeleton closes it; the service only uses `client`.
 */
export interface ConnectionSpec<T> {
  /** What it is, as an operator names it: "Postgres", "Redis". */
  name: string;
  /** Where, without credentials (for the log line and the start failure). */
  where: string;
  /** Creates the client; called once, in declaration order, after the previous one answered. */
  open(logger: Logger): T;
  /** Resolves when it answers (waited for with backoff at start). */
  check(client: T): Promise<unknown>;
  /** Orderly close, after the service's stop(). Never throws. */
  close(client: T): Promise<void>;
  /** At once: start failed, or the orderly close did not finish. Never throws. */
  drop(client: T): Promise<void>;
}

/** Postgres through `createDb` (the services' Drizzle + postgres.js client). */
export function postgres(url: string, opts: CreateDbOptions = {}): ConnectionSpec<DbClient> {
  return {
    name: 'Postgres',
    where: safeUrl(url),
    open: () => createDb(url, opts),
    check: (db) => db.sql`select 1`,
    close: (db) => db.close(5).catch(() => {}),
    drop: (db) => db.close(0).catch(() => {}),
  };
}

export interface RedisSpecOptions {
  /** `worker`: waits out outages (BullMQ workers); `producer`: fails fast (enqueue, rate limits). */
  kind: 'worker' | 'producer';
  /** CLIENT SETNAME, also named in the error log line. */
  connectionName: string;
  /** Extra ioredis options on top of the kind's. */
  options?: RedisOptions;
  /** How long one readiness check waits for `ready` (default 2 s). */
  checkTimeoutMs?: number;
}

/**
 * A Redis connection (createWorkerConnection / createProducerConnection) whose errors are logged
 * once each: to REDIS_URL, or to a Redis Cluster when the target names its nodes.
 */
export function redis(target: string | RedisTarget, opts: RedisSpecOptions): ConnectionSpec<RedisConnection> {
  const t: RedisTarget = typeof target === 'string' ? { url: target } : target;
  let lastError = '';
  return {
    name: t.clusterNodes?.length ? 'Redis Cluster' : 'Redis',
    where: t.clusterNodes?.length
      ? t.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',')
      : safeUrl(t.url),
    open(logger) {
      const extra = { connectionName: opts.connectionName, ...opts.options };
      const conn =
        opts.kind === 'worker' ? createWorkerConnection(t, extra) : createProducerConnection(t, extra);
      logRedisErrors(conn, logger, opts.connectionName, (message) => {
        lastError = message;
      });
      return conn;
    },
    check: (conn) =>
      waitForRedis(conn, opts.checkTimeoutMs ?? 2_000).catch(() =>
        Promise.reject(new Error(lastError || 'not ready')),
      ),
    close: (conn) => closeRedis(conn),
    drop: async (conn) => conn.disconnect(),
  };
}

/**
 * ioredis repeats the same error on every reconnect attempt: one log line per distinct error (until
 * the connection is ready again) instead of a stream of them.
 */
export function logRedisErrors(
  conn: RedisConnection,
  logger: Logger,
  connectionName: string,
  onError?: (message: string) => void,
): void {
  let last = '';
  conn.on('error', (err: Error & { code?: string }) => {
    onError?.(err.message);
    if (err.message !== last)
      logger.warn({ connection: connectionName, code: err.code, err: err.message }, 'redis connection error');
    last = err.message;
  });
  conn.on('ready', () => {
    last = '';
  });
}

/** quit() on a live connection (pending replies first), disconnect() on a dead one. Never throws. */
export async function closeRedis(conn: RedisConnection): Promise<void> {
  if (conn.status === 'end') return;
  if (conn.status !== 'ready') return void conn.disconnect();
  await conn.quit().catch(() => conn.disconnect());
}
