import { describe, expect, it } from 'vitest';
import { targetRows, targetTable } from '../src/targets.ts';

// The figures issue 19 recorded as "now" miss every target; figures past each target meet it.
const before = {
  intake: { ordersPerSec: 1008, p99Ms: 109, pgbenchTps: 2251, gatewayPeakRssMiB: 388 },
  forward: {
    ordersPerSec0ms: 871,
    pgbenchTps: 1759,
    ordersPerSec200ms: 214,
    littleBound: 250,
    peakRssMiB: 394,
  },
  sync: { orders: 100_000, seconds: 20.1, rawBatchSeconds: 6.87, peakRssMiB: 557 },
};

describe('the targets table', () => {
  it('says "no" for each of the figures the issue started from', () => {
    const rows = targetRows(before);
    expect(rows.map((r) => r.met)).toEqual([false, false, false, false, false, false]);
    expect(rows[0]!.now).toBe('1,008 / 2,251 = 0.45×, p99 109 ms');
    expect(rows[4]!.now).toBe('20.10 s; raw batches 6.87 s = 0.34×');
  });

  it('says "yes" where a figure reaches its target, and "not measured" without a baseline', () => {
    const rows = targetRows({
      intake: { ordersPerSec: 1800, p99Ms: 70, pgbenchTps: 2251, gatewayPeakRssMiB: 140 },
      forward: {
        ordersPerSec0ms: 1500,
        pgbenchTps: Number.NaN,
        ordersPerSec200ms: 240,
        littleBound: 250,
        peakRssMiB: 120,
      },
    });
    expect(rows.map((r) => r.met)).toEqual([true, true, null, true]);
    expect(targetTable(rows)).toContain('| not measured |');
  });
});
