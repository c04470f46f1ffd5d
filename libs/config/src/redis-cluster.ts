import type { z } from 'zod';

/** One seed node of a Redis Cluster (structurally an ioredis `ClusterNode`). */
export interface RedisClusterNode {
  host: string;
  port: number;
}

/** `host:port,host:port` → nodes, or null when any entry is not `host:port` with a port 1–65535. */
export function parseClusterNodes(text: string): RedisClusterNode[] | null {
  const nodes: RedisClusterNode[] = [];
  for (const entry of text.split(',').map((s) => s.trim())) {
    // The last colon splits, so a bracketed IPv6 literal ([::1]:7000) keeps its own colons.
    const at = entry.lastIndexOf(':');
    const host = entry.slice(0, at).replace(/^\[(.*)\]$/, '$1');
    const port = Number(entry.slice(at + 1));
    if (at <= 0 || !host || !Number.isInteger(port) || port < 1 || port > 65535) return null;
    nodes.push({ host, port });
  }
  return nodes.length > 0 ? nodes : null;
}

/**
 * True when `prefix` makes Redis Cluster hash every key that starts with it by the same tag: Redis
 * hashes only what is between the first `{` and the next `}`, when that is not empty. BullMQ's Lua
 * scripts touch several keys of a queue at once, and a cluster refuses (CROSSSLOT) keys of different
 * slots in one script — so on a cluster every BullMQ prefix must carry such a tag, e.g. `{smm}`.
 */
export function hasHashTag(prefix: string): boolean {
  const open = prefix.indexOf('{');
  if (open < 0) return false;
  const close = prefix.indexOf('}', open + 1);
  return close > open + 1;
}

export const HASH_TAG_HINT =
  'must contain a Redis Cluster hash tag such as {smm} when REDIS_CLUSTER_NODES is set: the scripts using these keys touch several at once, and a cluster refuses keys of different slots in one script';

type ClusterEnv = { REDIS_CLUSTER_NODES?: RedisClusterNode[] | undefined } & Record<string, unknown>;

/**
 * A zod `superRefine` for a service's env schema: with REDIS_CLUSTER_NODES set, each named key
 * prefix (BULL_PREFIX, RATE_LIMIT_PREFIX) must carry a hash tag — refused at start with one line per
 * variable, instead of CROSSSLOT errors on the first enqueue.
 */
export function clusterHashTags(names: readonly string[]) {
  return (env: ClusterEnv, ctx: z.RefinementCtx): void => {
    if (!env.REDIS_CLUSTER_NODES) return;
    for (const name of names) {
      const value = env[name];
      if (typeof value === 'string' && !hasHashTag(value)) {
        ctx.addIssue({ code: 'custom', path: [name], message: HASH_TAG_HINT });
      }
    }
  };
}
