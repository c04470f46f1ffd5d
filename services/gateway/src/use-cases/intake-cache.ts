import type { SqlLike } from '@smm/db';
import type { Currency } from '@smm/domain';
import { LRUCache } from 'lru-cache';

export interface CatalogService {
  id: string;
  categoryId: string;
  providerId: string | null;
  type: string;
  rate: string | null;
  rateUSD: string | null;
  minOrder: number;
  maxOrder: number;
  mode: 'auto' | 'manual';
  status: 'active' | 'inactive';
  dripfeed: boolean;
  categoryStatus: 'active' | 'inactive';
}

export interface PricingFacts {
  currency: Currency;
  dollarRate: string;
  status: 'active' | 'suspended';
}

export interface IntakeCacheOptions {
  /** How stale a service's price/status may be when an order is priced (admin edits apply after this). */
  serviceTtlMs: number;
  /** How stale a user's currency/dollarRate may be; a failed charge always re-reads them. */
  userTtlMs: number;
  maxEntries: number;
}

export const DEFAULT_INTAKE_CACHE: IntakeCacheOptions = {
  serviceTtlMs: 2_000,
  userTtlMs: 5_000,
  maxEntries: 20_000,
};

/** lru-cache holds no null: a known absence is stored boxed. */
interface Entry<T> {
  value: T;
}

/**
 * Short-lived, per-process memory of what pricing needs, so the hot path is usually the charge
 * statement alone. Balance is never cached: the debit's own `balance >= total` guard decides funds.
 */
export class IntakeCache {
  readonly #services: LRUCache<string, Entry<CatalogService | null>>;
  readonly #users: LRUCache<string, Entry<PricingFacts | null>>;
  /** A service's public number never changes and is never reused: found ids are kept until evicted. */
  readonly #serviceNumbers: LRUCache<number, string>;

  constructor(opts: IntakeCacheOptions = DEFAULT_INTAKE_CACHE) {
    // Bounded by count, least recently used out first; entries expire on read after their TTL.
    this.#services = new LRUCache({ max: opts.maxEntries, ttl: Math.max(1, opts.serviceTtlMs) });
    this.#users = new LRUCache({ max: opts.maxEntries, ttl: Math.max(1, opts.userTtlMs) });
    this.#serviceNumbers = new LRUCache({ max: opts.maxEntries });
  }

  /** The service id behind a public number (the v2 API's `service`), or null when none has it. */
  async serviceIdByNumber(sql: SqlLike, number: number): Promise<string | null> {
    const hit = this.#serviceNumbers.get(number);
    if (hit) return hit;
    const [row] = await sql<{ id: string }[]>`select id from services where number = ${number}`;
    if (row) this.#serviceNumbers.set(number, row.id);
    return row?.id ?? null;
  }

  async services(sql: SqlLike, ids: string[]): Promise<Map<string, CatalogService>> {
    const out = new Map<string, CatalogService>();
    const missing: string[] = [];
    for (const id of ids) {
      const e = this.#services.get(id);
      if (e) {
        if (e.value) out.set(id, e.value);
      } else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = await sql<CatalogService[]>`
      select s.id, s.category_id as "categoryId", s.provider_id as "providerId", s.type,
             s.rate::text as rate, s.rate_usd::text as "rateUSD", s.min_order as "minOrder",
             s.max_order as "maxOrder", s.mode, s.status, s.dripfeed, c.status as "categoryStatus"
      from services s join categories c on c.id = s.category_id
      where s.id = any(${missing}::text[])`;
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of missing) {
      const row = found.get(id) ?? null;
      this.#services.set(id, { value: row });
      if (row) out.set(id, row);
    }
    return out;
  }

  async user(sql: SqlLike, userId: string, fresh = false): Promise<PricingFacts | null> {
    const e = fresh ? undefined : this.#users.get(userId);
    if (e) return e.value;
    const [row] = await sql<PricingFacts[]>`
      select currency, dollar_rate::text as "dollarRate", status from users where id = ${userId}`;
    this.#users.set(userId, { value: row ?? null });
    return row ?? null;
  }

  forgetUser(userId: string): void {
    this.#users.delete(userId);
  }

  /** After an admin's edit: this replica prices the next order from the row (others within the TTL). */
  forgetService(serviceId: string): void {
    this.#services.delete(serviceId);
  }
}
