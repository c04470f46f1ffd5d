import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, readResults, writeResults } from '../src/results.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('results JSON', () => {
  it('writes <dir>/<name>.json, making the directory, and reads back the same figures', () => {
    const nested = join(dir, 'results');
    const figures = { ordersPerSec: 1234.5, p99Ms: 42.25, pgbenchTps: 2000, gatewayPeakRssMiB: 150.3 };
    const path = writeResults('intake', figures, nested);
    expect(path).toBe(join(nested, 'intake.json'));
    expect(readResults('intake', nested)).toEqual(figures);
  });

  it('writes a baseline that was not measured (NaN) as null, and overwrites the previous run', () => {
    writeResults(
      'forward',
      { ordersPerSec0ms: 1, pgbenchTps: 2, ordersPerSec200ms: 3, littleBound: 4, peakRssMiB: 5 },
      dir,
    );
    writeResults(
      'forward',
      {
        ordersPerSec0ms: 10,
        pgbenchTps: Number.NaN,
        ordersPerSec200ms: 30,
        littleBound: 250,
        peakRssMiB: 99,
      },
      dir,
    );
    expect(JSON.parse(readFileSync(join(dir, 'forward.json'), 'utf8'))).toEqual({
      ordersPerSec0ms: 10,
      pgbenchTps: null,
      ordersPerSec200ms: 30,
      littleBound: 250,
      peakRssMiB: 99,
    });
  });

  it('keeps the soak series as arrays per process', () => {
    const soak = { minutes: 0.5, rssMiB: { gateway: [120, 121], forwarder: [90, 90.5] }, p99Ms: [12, 13] };
    writeResults('soak', soak, dir);
    expect(readResults('soak', dir)).toEqual(soak);
  });

  it('defaults to infra/bench/results', () => {
    expect(RESULTS_DIR.replaceAll('\\', '/')).toMatch(/infra\/bench\/results\/$/);
  });
});
