import { describe, expect, it } from 'vitest';
import { median, soakVerdict } from '../src/soak-verdict.ts';
import { percentile } from '../src/steady-load.ts';

const flat = {
  rssMiB: { gateway: [200, 150, 152, 151, 155], forwarder: [100, 110, 111, 112, 113] },
  p99Ms: [80, 20, 22, 21, 23],
  warmupSamples: 1,
  failedRequests: 0,
  died: [],
};

describe('soak verdict', () => {
  it('passes flat memory and latency, skipping the warm-up sample', () => {
    const v = soakVerdict(flat);
    expect(v.reasons).toEqual([]);
    expect(v.pass).toBe(true);
    // 150 → 155, not 200 → 155: the warm-up is not the baseline.
    expect(v.rssGrowth.gateway).toBeCloseTo(5 / 150);
  });

  it('fails RSS that grew more than 10 % after the warm-up, naming the process', () => {
    const v = soakVerdict({ ...flat, rssMiB: { ...flat.rssMiB, forwarder: [100, 110, 115, 120, 122] } });
    expect(v.pass).toBe(false);
    expect(v.reasons).toEqual([expect.stringMatching(/^forwarder: RSS grew 10\.9 %/)]);
  });

  it('fails a p99 whose last-third median is more than twice the first third', () => {
    const v = soakVerdict({ ...flat, p99Ms: [80, 20, 21, 22, 30, 50, 45, 47] });
    expect(v.p99FirstThirdMs).toBe(20.5);
    expect(v.p99LastThirdMs).toBe(46);
    expect(v.pass).toBe(false);
    expect(v.reasons[0]).toMatch(/p99 not flat/);
  });

  it('one slow interval in the middle is not a trend', () => {
    expect(soakVerdict({ ...flat, p99Ms: [80, 20, 22, 300, 21, 23, 22] }).pass).toBe(true);
  });

  it('fails failed requests and dead processes', () => {
    const v = soakVerdict({ ...flat, failedRequests: 3, died: ['status-sync'] });
    expect(v.reasons).toEqual(['3 requests failed', 'status-sync exited during the soak']);
  });

  it('medians and percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 0.5)).toBe(50);
    expect(percentile(v, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
