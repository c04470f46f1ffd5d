import type { Logger } from '@smm/logger';
import { DelayedError, type Job, jitter } from '@smm/queue';
import type { ConcurrencyLimit, Lease } from './concurrency-limit.ts';
import type { ProviderLimits } from './provider-limits.ts';

export interface ProviderSlotDeps {
  limiter: ConcurrencyLimit;
  limits: ProviderLimits;
  /** This process's share of its worker pool per provider. */
  local: LocalShare;
  /** How long a job over the limit waits before it tries again (jittered). */
  limitRetryMs: number;
}

/**
 * How much of this process's worker pool one provider may hold (default half, never all of it): a
 * provider that hangs must not take every slot, or every other provider's orders wait behind it.
 */
export class LocalShare {
  readonly cap: number;
  readonly #held = new Map<string, number>();

  constructor(concurrency: number, share: number) {
    this.cap = concurrency <= 1 ? 1 : Math.min(concurrency - 1, Math.max(1, Math.floor(concurrency * share)));
  }

  tryTake(providerId: string): boolean {
    const n = this.#held.get(providerId) ?? 0;
    if (n >= this.cap) return false;
    this.#held.set(providerId, n + 1);
    return true;
  }

  give(providerId: string): void {
    const n = (this.#held.get(providerId) ?? 1) - 1;
    if (n <= 0) this.#held.delete(providerId);
    else this.#held.set(providerId, n);
  }

  held(providerId: string): number {
    return this.#held.get(providerId) ?? 0;
  }
}

/**
 * Runs `call` holding one of the provider's `max_concurrency` slots, shared by every kind of job
 * that calls it (add, refill, cancel) across replicas — a provider's limit is on requests, not on
 * what they ask for — and one of this process's slots for that provider (`LocalShare`). Over either
 * limit the job gives its worker slot back: it is moved to delayed and `DelayedError` is thrown, so
 * the wait uses up neither a worker nor one of its attempts. No such provider → no slot; `call`
 * finds out why.
 */
export async function withProviderSlot<T>(
  deps: ProviderSlotDeps,
  job: Job,
  token: string | undefined,
  providerId: string | null,
  log: () => Logger,
  call: () => Promise<T>,
  onLimited?: () => void,
): Promise<T> {
  const limit = providerId === null ? null : await deps.limits.get(providerId);
  let lease: Lease | null = null;
  let local = false;
  const wait = async (): Promise<never> => {
    onLimited?.();
    await job.moveToDelayed(Date.now() + jitter(deps.limitRetryMs), token);
    throw new DelayedError();
  };
  if (providerId !== null && limit !== null) {
    if (!deps.local.tryTake(providerId)) return wait();
    local = true;
    try {
      lease = await deps.limiter.acquire(providerId, limit);
    } catch (err) {
      deps.local.give(providerId);
      throw err;
    }
    if (!lease) {
      deps.local.give(providerId);
      return wait();
    }
  }
  try {
    return await call();
  } finally {
    if (local && providerId !== null) deps.local.give(providerId);
    await lease
      ?.release()
      .catch((err: unknown) => log().warn({ err }, 'could not release the provider lease'));
  }
}
