import { isProviderError } from '@smm/provider-client';
import { PROVIDER_RETRY_BACKOFF } from '@smm/queue';

/**
 * Delay before retry number `attempt` (1-based) of a "definitely not sent" failure: exponential from
 * `baseMs`, with up to 50% jitter so orders held back by one outage do not all return in the same
 * second, capped at `maxMs`, and never shorter than the provider's Retry-After.
 */
export function retryDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(ceiling * (0.5 + 0.5 * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * How long an order waits after a provider refused it for a reason on our side: the soft delay, doubled
 * for each refusal whose words no rule knows (so an unknown refusal is not hammered), capped.
 */
export function softRejectDelay(unknownRefusals: number, baseMs: number, maxMs: number): number {
  return Math.min(Math.max(maxMs, baseMs), baseMs * 2 ** Math.max(0, unknownRefusals - 1));
}

/** A short jittered wait, for jobs whose provider is at its concurrency limit. */
export function jitter(ms: number, random: () => number = Math.random): number {
  return Math.max(1, Math.floor(ms * (0.5 + random())));
}

/**
 * The worker's BullMQ `backoffStrategy` for the catalog's `provider-retry` type: our base and cap
 * from settings, and the provider's Retry-After (carried by the ProviderError) as a floor.
 */
export function providerRetryBackoff(settings: { backoffBaseMs: number; backoffMaxMs: number }) {
  return (attemptsMade: number, type?: string, err?: Error): number => {
    if (type !== PROVIDER_RETRY_BACKOFF) throw new Error(`unknown backoff type ${type}`);
    const retryAfterMs = isProviderError(err) ? err.retryAfterMs : undefined;
    return retryDelay(attemptsMade, settings.backoffBaseMs, settings.backoffMaxMs, retryAfterMs);
  };
}
