import { describe, expect, it } from 'vitest';
import { MAX_POLL_MS, nextCheckDelayMs } from '../src/index.ts';

const MIN = 60_000;
const old = 24 * 60 * MIN;
const base = { ageMs: old, unchangedChecks: 0, moved: false, terminal: false, orderError: false };

describe('adaptive polling', () => {
  it('asks about terminal orders never again', () => {
    expect(nextCheckDelayMs({ ...base, terminal: true })).toBeNull();
  });

  it('asks about young or moving orders every minute', () => {
    expect(nextCheckDelayMs({ ...base, ageMs: 5 * MIN, unchangedChecks: 6 })).toBe(MIN);
    expect(nextCheckDelayMs({ ...base, moved: true })).toBe(MIN);
  });

  it('backs off stale orders as unchanged checks pile up, up to an hour', () => {
    const delays = [1, 2, 3, 4, 5, 6, 50].map((n) => nextCheckDelayMs({ ...base, unchangedChecks: n }));
    expect(delays).toEqual([2 * MIN, 5 * MIN, 10 * MIN, 20 * MIN, 30 * MIN, 60 * MIN, 60 * MIN]);
    expect(Math.max(...(delays as number[]))).toBe(MAX_POLL_MS);
  });

  it('waits at least ten minutes after a per-order error, even for a young order', () => {
    expect(nextCheckDelayMs({ ...base, ageMs: MIN, unchangedChecks: 1, orderError: true })).toBe(10 * MIN);
    expect(nextCheckDelayMs({ ...base, unchangedChecks: 6, orderError: true })).toBe(60 * MIN);
  });
});
