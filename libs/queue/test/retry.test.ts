import { describe, expect, it } from 'vitest';
import { jobCatalog } from '../src/catalog.ts';
import {
  isLastAttempt,
  PROVIDER_RETRY_BACKOFF,
  providerBackoffMs,
  providerRetryBackoff,
  retryDelay,
  softRejectDelay,
} from '../src/retry.ts';

const job = (attemptsMade: number, attempts: number) => ({ attemptsMade, opts: { attempts } });

describe('the retry policy', () => {
  it('knows the last attempt, while running and in the failed event', () => {
    // forward-order has 10 attempts: the 10th run (9 made before it) is the last.
    const attempts = jobCatalog['forward-order'].options.attempts;
    expect(isLastAttempt(job(8, attempts))).toBe(false);
    expect(isLastAttempt(job(9, attempts))).toBe(true);
    // In `failed`, BullMQ has counted the failing run already.
    expect(isLastAttempt(job(9, attempts), 'failed')).toBe(false);
    expect(isLastAttempt(job(10, attempts), 'failed')).toBe(true);
    expect(isLastAttempt({ attemptsMade: 0, opts: {} })).toBe(true);
  });

  it('doubles the retry delay with jitter, capped, never under Retry-After', () => {
    const lowest = () => 0;
    const highest = () => 1;
    expect(retryDelay(1, 2_000, 600_000, undefined, highest)).toBe(2_000);
    expect(retryDelay(1, 2_000, 600_000, undefined, lowest)).toBe(1_000);
    expect(retryDelay(4, 2_000, 600_000, undefined, highest)).toBe(16_000);
    expect(retryDelay(30, 2_000, 600_000, undefined, highest)).toBe(600_000);
    expect(retryDelay(1, 2_000, 600_000, 45_000, highest)).toBe(45_000);
  });

  it("the worker's provider-retry strategy starts from the catalog's delay and takes the error's Retry-After", () => {
    const base = jobCatalog['forward-order'].options.backoff.delay;
    const strategy = providerRetryBackoff({ backoffBaseMs: base, backoffMaxMs: 600_000 });
    const first = strategy(1, PROVIDER_RETRY_BACKOFF);
    expect(first).toBeGreaterThanOrEqual(base / 2);
    expect(first).toBeLessThanOrEqual(base);
    const err = Object.assign(new Error('429'), { retryAfterMs: 90_000 });
    expect(strategy(1, PROVIDER_RETRY_BACKOFF, err)).toBe(90_000);
    expect(() => strategy(1, 'exponential')).toThrow(/unknown backoff type/);
  });

  it('backs a provider off base × 2^failures, capped, at least its Retry-After', () => {
    expect(providerBackoffMs(0, 1_000, 60_000)).toBe(1_000);
    expect(providerBackoffMs(3, 1_000, 60_000)).toBe(8_000);
    expect(providerBackoffMs(40, 1_000, 60_000)).toBe(60_000);
    expect(providerBackoffMs(0, 1_000, 60_000, 120_000)).toBe(120_000);
  });

  it('doubles the soft wait for each refusal no rule knows, capped', () => {
    expect(softRejectDelay(0, 300_000, 600_000)).toBe(300_000);
    expect(softRejectDelay(1, 300_000, 600_000)).toBe(300_000);
    expect(softRejectDelay(2, 300_000, 600_000)).toBe(600_000);
    expect(softRejectDelay(5, 300_000, 600_000)).toBe(600_000);
  });
});
