import type { Logger } from '@smm/logger';
import { type Job, jitter, waitUntil } from '@smm/queue';
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

/** A taken slot; `release` gives it back (always, in a `finally`), and never throws. */
export interface ProviderSlot {
  release(): Promise<void>;
}

const NO_SLOT: ProviderSlot = { release: async () => {} };

/**
 * Takes one of the provider's `max_concurrency` slots, shared by every kind of job that calls it
 * (add, refill, cancel) across replicas — a provider's limit is on requests, not on what they ask
 * for — and one of this process's slots for that provider (`LocalShare`). `null`: over either limit,
 * and the job should give its worker back (`waitForSlot`). No such provider → no slot needed; the
 * job finds out why.
 */
export async function takeProviderSlot(
  deps: ProviderSlotDeps,
  providerId: string | null,
  log: () => Logger,
): Promise<ProviderSlot | null> {
  const limit = providerId === null ? null : await deps.limits.get(providerId);
  if (providerId === null || limit === null) return NO_SLOT;
  if (!deps.local.tryTake(providerId)) return null;
  let lease: Lease | null;
  try {
    lease = await deps.limiter.acquire(providerId, limit);
  } catch (err) {
    deps.local.give(providerId);
    throw err;
  }
  if (!lease) {
    deps.local.give(providerId);
    return null;
  }
  const held = lease;
  return {
    async release() {
      deps.local.give(providerId);
      await held
        .release()
        .catch((err: unknown) => log().warn({ err }, 'could not release the provider lease'));
    },
  };
}

/** A job over its provider's limit waits a short jittered while, using up neither a worker nor an attempt. */
export function waitForSlot(deps: ProviderSlotDeps, job: Job, token: string | undefined): Promise<never> {
  return waitUntil(job, token, Date.now() + jitter(deps.limitRetryMs));
}
