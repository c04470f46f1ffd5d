import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchName, RESULTS_DIR, readResults } from './results.ts';
import { targetRows, targetTable } from './targets.ts';

// `npm run bench` ends here: the table of issue 19's targets from the results files the benchmarks
// of this run just wrote (a file left from an older run would be read too: `npm run bench` writes all three).
const names: BenchName[] = ['intake', 'forward', 'sync', 'soak'];
const results = Object.fromEntries(
  names.filter((n) => existsSync(join(RESULTS_DIR, `${n}.json`))).map((n) => [n, readResults(n)]),
);
console.log(targetTable(targetRows(results)));
