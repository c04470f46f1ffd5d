import type { DbClient } from '@smm/db';
import { LRUCache } from 'lru-cache';

type Sql = DbClient['sql'];

/**
 * Each provider's max concurrency, cached briefly: it is read before every claim, and an admin's
 * change only needs to take effect within seconds. `null` means no such provider.
 */
export class ProviderLimits {
  readonly #sql: Sql;
  readonly #cache: LRUCache<string, Promise<number | null>>;

  constructor(sql: Sql, ttlMs: number) {
    this.#sql = sql;
    this.#cache = new LRUCache({ max: 10_000, ttl: Math.max(1, ttlMs) });
  }

  get(providerId: string): Promise<number | null> {
    const hit = this.#cache.get(providerId);
    if (hit) return hit;
    // The promise is cached: one query for every job that misses at the same moment.
    const value = this.#load(providerId);
    this.#cache.set(providerId, value);
    value.catch(() => this.#cache.delete(providerId));
    return value;
  }

  async #load(providerId: string): Promise<number | null> {
    const [row] = await this.#sql<{ maxConcurrency: number }[]>`
      select max_concurrency as "maxConcurrency" from api_providers where id = ${providerId}`;
    // 0 would park every order of the provider in an endless delay loop; pausing is `status`'s job.
    return row ? Math.max(1, row.maxConcurrency) : null;
  }
}
