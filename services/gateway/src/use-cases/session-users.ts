import type { SqlLike } from '@smm/db';
import { LRUCache } from 'lru-cache';
import { AppError, ERROR_CODE } from '../errors.ts';
import type { Role } from '../plugins/auth.ts';

/** A look-up slower than this means the database is not answering: 503 now, not a hanging request. */
const LOOKUP_TIMEOUT_MS = 2_000;

export interface SessionUser {
  role: Role;
  status: 'active' | 'suspended';
}

/**
 * architecture.md#security: a token says who the caller is; role and status come from the database, cached for a few
 * seconds, so a suspended user or a demoted admin loses access within that time on every gateway
 * replica (and at once on the one that made the change, which forgets its copy).
 */
export class SessionUsers {
  readonly #sql: SqlLike;
  /** null: no caching (a TTL of 0 would mean "forever" to lru-cache). */
  readonly #cache: LRUCache<string, SessionUser | 'missing'> | null;

  constructor(sql: SqlLike, opts: { ttlMs?: number; max?: number } = {}) {
    this.#sql = sql;
    const ttl = opts.ttlMs ?? 5_000;
    this.#cache = ttl > 0 ? new LRUCache({ max: opts.max ?? 50_000, ttl }) : null;
  }

  /** The user's current role and status, or null when the account no longer exists. */
  async get(userId: string): Promise<SessionUser | null> {
    const hit = this.#cache?.get(userId);
    if (hit !== undefined) return hit === 'missing' ? null : hit;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              503,
              ERROR_CODE.dependencyUnavailable,
              'the database did not answer in time, retry shortly',
            ),
          ),
        LOOKUP_TIMEOUT_MS,
      );
    });
    const query = this.#sql<SessionUser[]>`select role, status from users where id = ${userId}`;
    const [row] = await Promise.race([query, timeout]).finally(() => clearTimeout(timer));
    this.#cache?.set(userId, row ?? 'missing');
    return row ?? null;
  }

  forget(userId: string): void {
    this.#cache?.delete(userId);
  }
}
