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

/** A short jittered wait, for jobs whose provider is at its concurrency limit. */
export function jitter(ms: number, random: () => number = Math.random): number {
  return Math.max(1, Math.floor(ms * (0.5 + random())));
}
