import type { Logger } from '@smm/logger';
import { DelayedError, type Job } from '@smm/queue';
import { jitter } from './backoff.ts';
import type { ConcurrencyLimit, Lease } from './concurrency-limit.ts';
import type { ProviderLimits } from './provider-limits.ts';

export interface ProviderSlotDeps {
  limiter: ConcurrencyLimit;
  limits: ProviderLimits;
  /** How long a job over the limit waits before it tries again (jittered). */
  limitRetryMs: number;
}

/**
 * Runs `call` holding one of the provider's `max_concurrency` slots, shared by every kind of job
 * that calls it (add, refill, cancel) across replicas: a provider's limit is on requests, not on
 * what they ask for. Over the limit the job is moved back to delayed and `DelayedError` is thrown,
 * so the wait never uses up one of its attempts. No such provider → no slot; `call` finds out why.
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
  if (providerId !== null && limit !== null) {
    lease = await deps.limiter.acquire(providerId, limit);
    if (!lease) {
      onLimited?.();
      await job.moveToDelayed(Date.now() + jitter(deps.limitRetryMs), token);
      throw new DelayedError();
    }
  }
  try {
    return await call();
  } finally {
    await lease
      ?.release()
      .catch((err: unknown) => log().warn({ err }, 'could not release the provider lease'));
  }
}
