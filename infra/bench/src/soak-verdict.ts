/**
 * The soak's pass/fail rules, pure so they are tested on their own (test/soak-verdict.test.ts):
 * - memory: a process whose RSS grew more than 10 % from the first sample after the warm-up to the
 *   last one is leaking (or caching without a bound) — a flat process stays within a few percent;
 * - latency: the client p99 is flat unless the median p99 of the last third of the samples is more
 *   than twice that of the first third (medians, so one slow interval — a GC, a checkpoint — passes);
 * - every request succeeded and every process lived to the end.
 */
export const MAX_RSS_GROWTH = 0.1;
export const MAX_P99_RATIO = 2;

export interface SoakSeries {
  rssMiB: Record<string, number[]>;
  p99Ms: number[];
  /** Samples taken during the warm-up, skipped by both rules. */
  warmupSamples: number;
  failedRequests: number;
  /** Processes that exited before the end. */
  died: string[];
}

export interface Verdict {
  pass: boolean;
  reasons: string[];
  /** Per process: RSS growth from the first sample after the warm-up to the last, as a fraction. */
  rssGrowth: Record<string, number>;
  p99FirstThirdMs: number;
  p99LastThirdMs: number;
}

export function median(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export function soakVerdict(s: SoakSeries): Verdict {
  const reasons: string[] = [];
  const rssGrowth: Record<string, number> = {};
  for (const [name, series] of Object.entries(s.rssMiB)) {
    const steady = series.slice(s.warmupSamples);
    if (steady.length < 2) {
      reasons.push(`${name}: fewer than 2 RSS samples after the warm-up`);
      continue;
    }
    const first = steady[0]!;
    const last = steady.at(-1)!;
    const growth = (last - first) / first;
    rssGrowth[name] = growth;
    if (!Number.isFinite(growth)) reasons.push(`${name}: RSS not readable`);
    else if (growth > MAX_RSS_GROWTH) {
      reasons.push(
        `${name}: RSS grew ${(growth * 100).toFixed(1)} % (${first.toFixed(1)} → ${last.toFixed(1)} MiB), more than ${MAX_RSS_GROWTH * 100} %`,
      );
    }
  }
  const p99 = s.p99Ms.slice(s.warmupSamples);
  const third = Math.max(1, Math.floor(p99.length / 3));
  const p99FirstThirdMs = median(p99.slice(0, third));
  const p99LastThirdMs = median(p99.slice(-third));
  if (p99.length < 2) reasons.push('fewer than 2 latency samples after the warm-up');
  else if (!(p99LastThirdMs <= MAX_P99_RATIO * p99FirstThirdMs)) {
    reasons.push(
      `p99 not flat: last third median ${p99LastThirdMs.toFixed(1)} ms > ${MAX_P99_RATIO} × first third ${p99FirstThirdMs.toFixed(1)} ms`,
    );
  }
  if (s.failedRequests > 0) reasons.push(`${s.failedRequests} requests failed`);
  for (const name of s.died) reasons.push(`${name} exited during the soak`);
  return { pass: reasons.length === 0, reasons, rssGrowth, p99FirstThirdMs, p99LastThirdMs };
}
