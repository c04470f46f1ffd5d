/**
 * Soak benchmark (`npm run bench:soak [-- --minutes N]`): the whole system (soak-system.ts) under a
 * steady 20 orders/s for 10 minutes (or N, fractions allowed), loopback only. Every interval —
 * 30 s, or a quarter of a short run — it prints each process's RSS and the interval's client p50/p99;
 * at the end it writes results/soak.json and a verdict (soak-verdict.ts), exiting 1 on a fail: RSS
 * that keeps growing, or a p99 that does not stay flat, is what a short benchmark never shows.
 * Stops by itself; its processes die with it (children.ts), Ctrl-C included.
 */
import { randomBytes } from 'node:crypto';
import { deletePrefix } from '@smm/testkit';
import { hardDeadline } from './children.ts';
import { vmMiB } from './proc-memory.ts';
import { writeResults } from './results.ts';
import { PROCESSES, type ProcessName, startSoakSystem } from './soak-system.ts';
import { soakVerdict } from './soak-verdict.ts';
import { startSteadyLoad } from './steady-load.ts';

const env = process.env;
const DATABASE_URL = env.BENCH_SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/smm_bench_soak';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE = 20;

function minutesArg(): number {
  const i = process.argv.indexOf('--minutes');
  const raw = i >= 0 ? process.argv[i + 1] : env.BENCH_SOAK_MINUTES;
  const minutes = raw === undefined ? 10 : Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) {
    process.stderr.write(`bench:soak: --minutes must be a number of minutes above 0 (got ${raw})\n`);
    process.exit(2);
  }
  return minutes;
}

const MINUTES = minutesArg();
const TOTAL_MS = MINUTES * 60_000;
const INTERVAL_MS = Math.min(30_000, TOTAL_MS / 4);
const SAMPLES = Math.round(TOTAL_MS / INTERVAL_MS);
// The warm-up (JIT, pools filling, V8 growing its heap to its working size) is the first minute, or
// the first quarter of a shorter run — and always at least the first sample.
const WARMUP_SAMPLES = Math.max(1, Math.ceil(Math.min(60_000, TOTAL_MS / 4) / INTERVAL_MS));
// Setup (fresh database, seed, four processes) and an orderly stop on top of the soak itself.
hardDeadline('bench:soak', TOTAL_MS + 240_000);

const log = (line: string) => process.stderr.write(`bench:soak: ${line}\n`);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

async function main(): Promise<number> {
  log(`fresh database ${new URL(DATABASE_URL).pathname.slice(1)}, starting the system`);
  const system = await startSoakSystem({ databaseUrl: DATABASE_URL, redisUrl: REDIS_URL });
  const body = (n: number) => JSON.stringify({ ...system.order, link: `https://instagram.com/soak-${n}` });
  const load = startSteadyLoad({
    perSecond: RATE,
    send: async (n) => {
      const res = await fetch(`${system.gatewayUrl}/api/user/create-orders`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${system.token}`,
          'idempotency-key': `soak-${randomBytes(6).toString('hex')}`,
        },
        body: body(n),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      return res.status === 201;
    },
  });
  log(
    `${RATE} orders/s for ${MINUTES} min; a sample every ${(INTERVAL_MS / 1000).toFixed(1)} s, ` +
      `the first ${WARMUP_SAMPLES} counted as warm-up`,
  );

  const rssMiB = Object.fromEntries(PROCESSES.map((p) => [p, [] as number[]])) as Record<
    ProcessName,
    number[]
  >;
  const p50Ms: number[] = [];
  const p99Ms: number[] = [];
  const died = new Set<ProcessName>();
  const started = performance.now();
  for (let k = 1; k <= SAMPLES; k++) {
    const wait = started + k * INTERVAL_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const w = load.window();
    p50Ms.push(w.p50Ms);
    p99Ms.push(w.p99Ms);
    const rss = PROCESSES.map((p) => {
      if (!system.alive(p)) died.add(p);
      const v = vmMiB(system.pid(p), 'VmRSS');
      rssMiB[p].push(v);
      return `${p} ${f1(v)}`;
    });
    const t = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
    process.stdout.write(
      `  ${t} s  RSS MiB: ${rss.join('  ')}   ` +
        `orders ${w.ok}/${w.requests} ok   p50 ${f1(w.p50Ms)} ms  p99 ${f1(w.p99Ms)} ms` +
        `${k <= WARMUP_SAMPLES ? '   (warm-up)' : ''}\n`,
    );
  }
  await load.stop();
  const totals = load.totals();
  const books = await system.books();
  await system.stop();
  const queued = await deletePrefix(REDIS_URL, system.prefix);

  const verdict = soakVerdict({
    rssMiB,
    p99Ms,
    warmupSamples: WARMUP_SAMPLES,
    failedRequests: totals.failed,
    died: [...died],
  });
  const path = writeResults('soak', {
    minutes: MINUTES,
    rssMiB,
    p99Ms,
    p50Ms,
    intervalSeconds: INTERVAL_MS / 1000,
    warmupSamples: WARMUP_SAMPLES,
    requests: { ok: totals.ok, failed: totals.failed },
    pass: verdict.pass,
    reasons: verdict.reasons,
  });
  const growth = Object.entries(verdict.rssGrowth)
    .map(([p, g]) => `${p} ${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)} %`)
    .join('  ');
  process.stdout.write(
    [
      '',
      `soak benchmark — ${MINUTES} min at ${RATE} orders/s, loopback, gateway + forwarder + status-sync + sandbox`,
      `  requests                 ${totals.ok} × 201, ${totals.failed} failed${totals.lastError ? ` (last: ${totals.lastError})` : ''}`,
      `  orders in Postgres       ${JSON.stringify(books.byStatus)}; users with balance ≠ Σ ledger: ${books.drift}`,
      `  RSS after warm-up → end  ${growth}   (fail above +10 %)`,
      `  p99, median of thirds    first ${f1(verdict.p99FirstThirdMs)} ms → last ${f1(verdict.p99LastThirdMs)} ms   (fail above 2×)`,
      `  verdict                  ${verdict.pass ? 'PASS' : `FAIL — ${verdict.reasons.join('; ')}`}`,
      `  figures                  ${path}  (${queued} Redis keys cleaned)`,
      '',
    ].join('\n'),
  );
  return verdict.pass ? 0 : 1;
}

try {
  process.exit(await main());
} catch (e) {
  process.stderr.write(`bench:soak: failed: ${(e as Error).message}\n`);
  process.exit(1);
}
