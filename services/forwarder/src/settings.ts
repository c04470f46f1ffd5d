import type { Timeouts } from '@smm/provider-client';
import { jobCatalog } from '@smm/queue';

/** Everything buildForwarder needs to know besides its connections; main.ts fills it from the env. */
export interface ForwarderSettings {
  /** BullMQ key prefix (the concurrency leases live under it too). */
  prefix: string;
  /** Jobs one process works on at once. */
  concurrency: number;
  /** Per-phase timeouts of the provider `add` call. */
  providerTimeouts: Partial<Timeouts>;
  /** First retry delay after a "definitely not sent" failure; doubles per attempt, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long an order waits after a provider said no for a reason on our side (funds, key, limits). */
  softRejectDelayMs: number;
  /** Refusals with words no rule knows before the order goes to needs_review (never a cancel). */
  maxSoftRounds: number;
  /** Share of `concurrency` one provider may hold in this process (never all of it). */
  providerShare: number;
  /** Circuit breaker: calls in a row with no answer before a provider trips, and its cool-down. */
  tripAfter: number;
  tripCooldownMs: number;
  /** How long a job waits when its provider is at its concurrency limit (jittered). */
  limitRetryMs: number;
  /** When status sync first looks at a freshly forwarded order. */
  firstStatusCheckMs: number;
  /** http:// provider URLs are refused unless this is set (development, the sandbox). */
  allowInsecureProviderUrls: boolean;
  /** How long the provider settings (max concurrency) are cached per process. */
  providerCacheMs: number;
  /**
   * BullMQ job lock (renewed by a live worker every half of it) and stalled-job check period. A job
   * whose worker died is failed, never re-run (maxStalledCount 0), once its lock is gone.
   */
  lockDurationMs: number;
  stalledIntervalMs: number;
}

export const DEFAULT_SETTINGS: ForwarderSettings = {
  prefix: 'bull',
  concurrency: 20,
  providerTimeouts: {},
  // The catalog's retry policy for forward-order, unless a deployment overrides it.
  backoffBaseMs: jobCatalog['forward-order'].options.backoff.delay,
  backoffMaxMs: 10 * 60_000,
  softRejectDelayMs: 5 * 60_000,
  maxSoftRounds: 5,
  providerShare: 0.5,
  tripAfter: 5,
  tripCooldownMs: 60_000,
  limitRetryMs: 200,
  firstStatusCheckMs: 30_000,
  allowInsecureProviderUrls: false,
  providerCacheMs: 5_000,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
};
