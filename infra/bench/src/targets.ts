import type { BenchResults } from './results.ts';

// Issue 19's table: what each figure must reach on this 2-core machine, quiet. A row is computed
// from one run's results files, so a figure is always beside the baseline measured with it.

export interface TargetRow {
  measure: string;
  now: string;
  target: string;
  met: boolean | null;
}

type Results = { [N in keyof BenchResults]?: BenchResults[N] };

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f2 = (n: number) => n.toFixed(2);

/** The rows whose benchmark has written its results; `met` is null where its baseline was not measured. */
export function targetRows(r: Results): TargetRow[] {
  const rows: TargetRow[] = [];
  const ratio = (a: number, b: number | null) => (b === null || !Number.isFinite(b) || b <= 0 ? null : a / b);
  const { intake, forward, sync, soak } = r;
  if (intake) {
    const x = ratio(intake.ordersPerSec, intake.pgbenchTps);
    rows.push({
      measure: 'intake: create-orders ÷ pgbench of the same statement',
      now: `${f0(intake.ordersPerSec)} / ${intake.pgbenchTps ? f0(intake.pgbenchTps) : '—'} = ${x === null ? '—' : f2(x)}×, p99 ${intake.p99Ms.toFixed(0)} ms`,
      target: '≥ 0.75×, p99 ≤ 80 ms',
      met: x === null ? null : x >= 0.75 && intake.p99Ms <= 80,
    });
    rows.push({
      measure: 'gateway peak RSS under the intake bench',
      now: `${f0(intake.gatewayPeakRssMiB)} MiB`,
      target: '≤ 150 MiB',
      met: intake.gatewayPeakRssMiB <= 150,
    });
  }
  if (forward) {
    const x = ratio(forward.ordersPerSec0ms, forward.pgbenchTps);
    rows.push({
      measure: "forward, 0 ms provider ÷ pgbench of the forwarder's SQL",
      now: `${f0(forward.ordersPerSec0ms)} / ${forward.pgbenchTps ? f0(forward.pgbenchTps) : '—'} = ${x === null ? '—' : f2(x)}×`,
      target: '≥ 0.80×',
      met: x === null ? null : x >= 0.8,
    });
    const y = ratio(forward.ordersPerSec200ms, forward.littleBound);
    rows.push({
      measure: "forward, 200 ms provider, concurrency 50 ÷ Little's bound",
      now: `${f0(forward.ordersPerSec200ms)} / ${f0(forward.littleBound)} = ${y === null ? '—' : f2(y)}×`,
      target: '≥ 0.95×',
      met: y === null ? null : y >= 0.95,
    });
  }
  if (sync) {
    const x = ratio(sync.rawBatchSeconds, sync.seconds);
    rows.push({
      measure: `sync sweep of ${f0(sync.orders)} active orders`,
      now: `${sync.seconds.toFixed(2)} s; raw batches ${sync.rawBatchSeconds ? sync.rawBatchSeconds.toFixed(2) : '—'} s = ${x === null ? '—' : f2(x)}×`,
      target: '≤ 10 s and ≥ 0.6×',
      met: x === null ? null : sync.seconds <= 10 && x >= 0.6,
    });
  }
  if (forward && sync) {
    const peak = Math.max(forward.peakRssMiB, sync.peakRssMiB);
    rows.push({
      measure: 'forwarder / status-sync peak RSS under their benches',
      now: `${f0(forward.peakRssMiB)} / ${f0(sync.peakRssMiB)} MiB`,
      target: '≤ 150 MiB each',
      met: peak <= 150,
    });
  }
  if (soak) {
    const growth = Object.entries(soak.rssMiB).map(([name, s]) => {
      const warm = s[Math.min(s.length - 1, Number(soak.warmupSamples ?? 0))] ?? s[0] ?? 0;
      return { name, pct: warm > 0 ? ((s.at(-1)! - warm) / warm) * 100 : 0 };
    });
    rows.push({
      measure: `soak at 20 orders/s for ${soak.minutes} min`,
      now: `${growth.map((g) => `${g.name} ${g.pct >= 0 ? '+' : ''}${g.pct.toFixed(1)}%`).join(', ')}; p99 ${soak.p99Ms[0]?.toFixed(0)}→${soak.p99Ms.at(-1)?.toFixed(0)} ms`,
      target: '10 min, RSS growth ≤ 10 % after warm-up, p99 flat',
      met: soak.minutes >= 10 ? soak.pass === true : null,
    });
  }
  return rows;
}

/** The rows as a markdown table. */
export function targetTable(rows: TargetRow[]): string {
  const lines = ['| measure | now | target | met |', '| --- | --- | --- | --- |'];
  for (const r of rows) {
    lines.push(
      `| ${r.measure} | ${r.now} | ${r.target} | ${r.met === null ? 'not measured' : r.met ? 'yes' : 'no'} |`,
    );
  }
  return lines.join('\n');
}
