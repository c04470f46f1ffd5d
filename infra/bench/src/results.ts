import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** infra/bench/results/ (git-ignored): each benchmark's raw figures, for scripts and trend lines. */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** The figures each benchmark writes: its printed headline numbers, unrounded. */
export interface BenchResults {
  intake: {
    ordersPerSec: number;
    p99Ms: number;
    pgbenchTps: number;
    gatewayPeakRssMiB: number;
    /** The floor server (the two writes alone); null when the baselines were skipped. */
    floorOrdersPerSec?: number | null;
    floorP99Ms?: number | null;
  };
  forward: {
    ordersPerSec0ms: number;
    pgbenchTps: number;
    ordersPerSec200ms: number;
    littleBound: number;
    peakRssMiB: number;
  };
  sync: { orders: number; seconds: number; rawBatchSeconds: number; peakRssMiB: number };
  soak: {
    minutes: number;
    /** One series per process under test, a sample per interval. */
    rssMiB: Record<string, number[]>;
    /** Client-side p99 of each interval's requests. */
    p99Ms: number[];
    [more: string]: unknown;
  };
}

export type BenchName = keyof BenchResults;

/** Writes `<dir>/<name>.json` (the directory is made if missing) and returns its path. */
export function writeResults<N extends BenchName>(
  name: N,
  figures: BenchResults[N],
  dir = RESULTS_DIR,
): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  // NaN and Infinity (a skipped baseline) have no JSON form: they are written as null.
  writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
  return path;
}

/** Reads back what writeResults wrote. */
export function readResults<N extends BenchName>(name: N, dir = RESULTS_DIR): BenchResults[N] {
  return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as BenchResults[N];
}
