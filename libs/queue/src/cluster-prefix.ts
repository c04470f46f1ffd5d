import { HASH_TAG_HINT, hasHashTag } from '@smm/config';
import { Cluster } from 'ioredis';
import type { RedisConnection } from './connections.ts';

/** BullMQ's own default, kept so queues created before the setting existed are found. */
export const DEFAULT_PREFIX = 'bull';

export class ClusterPrefixError extends Error {
  constructor(prefix: string) {
    super(`BullMQ prefix "${prefix}" on a Redis Cluster: BULL_PREFIX ${HASH_TAG_HINT}`);
    this.name = 'ClusterPrefixError';
  }
}

/**
 * The last line of defence behind the env check (libs/config clusterHashTags): a queue or worker on
 * a cluster with an untagged prefix would fail each script with CROSSSLOT, so it is refused at
 * construction, before it can accept a job it cannot store.
 */
export function assertClusterPrefix(connection: RedisConnection, prefix: string): void {
  if (connection instanceof Cluster && !hasHashTag(prefix)) throw new ClusterPrefixError(prefix);
}
