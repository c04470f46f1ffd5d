import type { RedisClusterNode } from '@smm/config';
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';

/** A standalone Redis or a Redis Cluster: BullMQ and every direct use in the services take either. */
export type RedisConnection = Redis | Cluster;

/**
 * Where Redis is: REDIS_URL, and with REDIS_CLUSTER_NODES the seed nodes of a cluster — then the URL
 * only lends its credentials and TLS (rediss://) to every node.
 */
export interface RedisTarget {
  url: string;
  clusterNodes?: readonly RedisClusterNode[] | undefined;
}

/**
 * Producers fail fast: with no offline queue, an enqueue during a Redis outage errors at once, so
 * the caller can answer 503 or leave the order pending for repair instead of hanging.
 */
export function createProducerConnection(target: string, extra?: RedisOptions): Redis;
export function createProducerConnection(target: RedisTarget, extra?: RedisOptions): RedisConnection;
export function createProducerConnection(
  target: string | RedisTarget,
  extra: RedisOptions = {},
): RedisConnection {
  const opts: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3_000,
    commandTimeout: 5_000,
    connectionName: 'producer',
    ...extra,
  };
  return connect(target, opts);
}

/** Workers wait out outages: BullMQ requires maxRetriesPerRequest null for blocking commands. */
export function createWorkerConnection(target: string, extra?: RedisOptions): Redis;
export function createWorkerConnection(target: RedisTarget, extra?: RedisOptions): RedisConnection;
export function createWorkerConnection(
  target: string | RedisTarget,
  extra: RedisOptions = {},
): RedisConnection {
  return connect(target, { maxRetriesPerRequest: null, connectionName: 'worker', ...extra });
}

function connect(target: string | RedisTarget, opts: RedisOptions): RedisConnection {
  const t = typeof target === 'string' ? { url: target } : target;
  if (!t.clusterNodes?.length) return new Redis(t.url, opts);
  return new Cluster([...t.clusterNodes], clusterOptions(t.url, opts));
}

/**
 * The same settings for a cluster. The offline queue is the cluster's own option (its nodes never
 * queue), so a producer still fails fast; everything else applies to each node connection, which
 * is where BullMQ looks for maxRetriesPerRequest. The ready check waits for `cluster_state:ok`, so
 * `ready` means slots are served, not just that a socket opened.
 */
function clusterOptions(url: string, opts: RedisOptions): ClusterOptions {
  const { enableOfflineQueue, retryStrategy, host, port, path, sentinels, readOnly, ...node } = opts;
  const u = new URL(url);
  return {
    enableReadyCheck: true,
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    redisOptions: {
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
      ...node,
    },
  };
}

/**
 * A second connection to the same Redis with a few settings changed (the forwarder's auto-pipelined
 * lease connection): `Redis.duplicate(options)` and `Cluster.duplicate(nodes, options)` differ, and a
 * cluster keeps its per-node settings under `redisOptions`.
 */
export function duplicateConnection(
  conn: RedisConnection,
  opts: { connectionName?: string; enableAutoPipelining?: boolean },
): RedisConnection {
  if (conn instanceof Cluster) {
    const { connectionName, enableAutoPipelining } = opts;
    return conn.duplicate(undefined, {
      ...(enableAutoPipelining === undefined ? {} : { enableAutoPipelining }),
      redisOptions: {
        ...conn.options.redisOptions,
        ...(connectionName === undefined ? {} : { connectionName }),
      },
    });
  }
  return conn.duplicate(opts);
}

/** Resolves once the connection is ready, or rejects after `timeoutMs`. */
export async function waitForRedis(redis: RedisConnection, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}
