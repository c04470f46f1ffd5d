/**
 * Forwarder benchmark. One forwarder process (its bundle, services/forwarder/dist/main.mjs) against an in-process
 * sandbox over loopback HTTP, printed next to baselines from the same run:
 *  1. provider at 0 ms: orders/s for BENCH_FORWARD_ORDERS (20,000) pending orders, beside a BullMQ
 *     no-op worker's rate (same concurrency, same number of jobs) and pgbench's rate for the
 *     forwarder's own two statements — the lower of those two is the ceiling;
 *  2. provider at 200 ms, concurrency 50: orders/s beside Little's law (50 / 0.2 s = 250/s).
 * The orders are spread over two provider rows (the same sandbox): one provider may hold only half of
 * a forwarder's pool (FORWARD_PROVIDER_SHARE), so two fill the 50 workers as a real panel's do.
 * Peak RSS of the forwarder process from /proc (VmHWM). Dedicated database (smm_bench_forward,
 * dropped and migrated here), unique BullMQ prefixes, a hard deadline; it stops by itself.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { serviceNodeFlags } from '@smm/config';
import { createDb } from '@smm/db';
import {
  createProducerConnection,
  createWorkerConnection,
  enqueueBulk,
  forwardJobId,
  Producer,
} from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { buildServiceBundles, bundlePath } from '@smm/start/service-bundles';
import { deletePrefix } from '@smm/testkit';
import { Worker } from 'bullmq';
import type postgres from 'postgres';
import { hardDeadline, root, track } from './children.ts';
import { pgbenchForwardSql } from './forward-pgbench.ts';
import { freshDatabase, seedCatalog, seedOrders } from './forward-seed.ts';
import { vmMiB } from './proc-memory.ts';
import { writeResults } from './results.ts';

const env = process.env;
const DATABASE_URL = env.BENCH_FORWARD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/smm_bench_forward';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ORDERS = Number(env.BENCH_FORWARD_ORDERS ?? 20_000);
const CONCURRENCY = Number(env.BENCH_FORWARD_CONCURRENCY ?? 50);
const LATENCY_MS = 200;
const LATENCY_CONCURRENCY = 50;
const LATENCY_ORDERS = Number(env.BENCH_FORWARD_LATENCY_ORDERS ?? 5_000);
const PGBENCH_SECONDS = Number(env.BENCH_FORWARD_PGBENCH_SECONDS ?? 5);
const HARD_DEADLINE_MS = Number(env.BENCH_FORWARD_DEADLINE_MS ?? 300_000);
// The forwarder runs from its bundle, as npm start and the image run it (built before the runs).
const MAIN = join(root, bundlePath('forwarder'));

hardDeadline('bench:forward', HARD_DEADLINE_MS);

const log = (line: string) => process.stderr.write(`bench:forward: ${line}\n`);
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function enqueueAll(prefix: string, orderIds: string[]): Promise<void> {
  const conn = createProducerConnection(REDIS_URL);
  const producer = new Producer({ connection: conn, prefix });
  await new Promise<void>((resolve) => conn.once('ready', () => resolve()));
  try {
    for (let i = 0; i < orderIds.length; i += 1000) {
      await enqueueBulk(
        producer,
        'forward-order',
        orderIds.slice(i, i + 1000).map((orderId) => ({
          payload: { orderId },
          opts: { jobId: forwardJobId(orderId, 1) },
        })),
      );
    }
  } finally {
    await producer.close();
    conn.disconnect();
  }
}

/** BullMQ's own ceiling on this machine: a worker that does nothing, same concurrency and job count. */
async function noopWorkerRate(orderIds: string[]): Promise<number> {
  const prefix = `bench-fwd-noop-${randomBytes(4).toString('hex')}`;
  await enqueueAll(prefix, orderIds);
  const conn = createWorkerConnection(REDIS_URL);
  const worker = new Worker('order-forward', async () => ({ status: 'processing' }), {
    connection: conn,
    prefix,
    concurrency: CONCURRENCY,
    maxStalledCount: 0,
    autorun: false,
  });
  let done = 0;
  const finished = new Promise<void>((resolve) => {
    worker.on('completed', () => {
      if (++done === orderIds.length) resolve();
    });
  });
  await worker.waitUntilReady();
  const started = performance.now();
  void worker.run();
  await finished;
  const ms = performance.now() - started;
  await worker.close();
  conn.disconnect();
  await deletePrefix(REDIS_URL, prefix);
  return ms;
}

async function forwardedCount(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const m = /^forwarder_jobs_total\{outcome="forwarded"\} (\d+)/m.exec(text);
  return m ? Number(m[1]) : 0;
}

/** Waits until the forwarder counted every order; a counter that stands still for 20 s fails with what it saw. */
async function waitForwarded(sql: postgres.Sql, port: number, orderIds: string[]): Promise<void> {
  let last = -1;
  let movedAt = performance.now();
  for (;;) {
    const n = await forwardedCount(port);
    if (n >= orderIds.length) return;
    if (n !== last) {
      last = n;
      movedAt = performance.now();
    } else if (performance.now() - movedAt > 20_000) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const outcomes = text.split('\n').filter((l) => l.startsWith('forwarder_jobs_total'));
      const states = await sql<{ status: string; n: number }[]>`
        select status, count(*)::int as n from orders where id = any(${orderIds}) group by status`;
      throw new Error(
        `forwarder stalled at ${n} of ${orderIds.length}: ${outcomes.join('; ')}; orders ${JSON.stringify(states)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface ForwarderRun {
  ms: number;
  peakRssKb: number;
  heapUsedMb: number;
  /** Mean duration of the add call as the forwarder saw it (its own histogram). */
  meanAddMs: number;
  /** Times a job found its provider at its share of the pool and gave its worker back to wait. */
  limited: number;
}

async function processStats(
  port: number,
): Promise<{ heapUsedMb: number; meanAddMs: number; limited: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? Number.NaN);
  const sum = num(/^provider_call_duration_seconds_sum\{[^}]*action="add",outcome="ok"\} ([\d.e+-]+)/m);
  const count = num(/^provider_call_duration_seconds_count\{[^}]*action="add",outcome="ok"\} (\d+)/m);
  return {
    heapUsedMb: num(/^nodejs_heap_size_used_bytes ([\d.e+]+)/m) / 1024 / 1024,
    meanAddMs: (sum / count) * 1000,
    limited: Number(/^forwarder_jobs_total\{outcome="limited"\} (\d+)/m.exec(text)?.[1] ?? 0),
  };
}

/** Enqueues every order, then starts one forwarder process and times it until every order is processing. */
async function forwarderRun(
  sql: postgres.Sql,
  orderIds: string[],
  concurrency: number,
): Promise<ForwarderRun> {
  const prefix = `bench-fwd-${randomBytes(4).toString('hex')}`;
  await enqueueAll(prefix, orderIds);
  const child = track(
    // The flags every service runs with (libs/config node-flags.ts); the bench's own in NODE_OPTIONS.
    spawn(process.execPath, [...serviceNodeFlags('forwarder'), MAIN], {
      env: {
        PATH: env.PATH ?? '',
        NODE_ENV: 'development',
        DATABASE_URL,
        REDIS_URL,
        BULL_PREFIX: prefix,
        FORWARD_CONCURRENCY: String(concurrency),
        DB_POOL_MAX: env.BENCH_FORWARD_DB_POOL ?? String(Math.min(concurrency, 20)),
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        ALLOW_INSECURE_PROVIDER_URLS: 'true',
        NODE_OPTIONS: env.BENCH_FORWARD_NODE_OPTIONS ?? '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /"port":(\d+)[^\n]*"msg":"forwarder started"/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`forwarder exited with ${code}: ${out}`)));
    });
    const started = performance.now();
    // The forwarder's own counter: polling Postgres for 20,000 rows would load the machine being measured.
    await waitForwarded(sql, port, orderIds);
    const ms = performance.now() - started;
    const peakRssKb = vmMiB(child.pid!, 'VmHWM') * 1024;
    const stats = await processStats(port);
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from orders where id = any(${orderIds}) and status = 'processing'`;
    if (row!.n !== orderIds.length) throw new Error(`${row!.n} of ${orderIds.length} orders processing`);
    return { ms, peakRssKb, ...stats };
  } finally {
    child.kill('SIGTERM');
    await exited;
    await deletePrefix(REDIS_URL, prefix);
  }
}

async function main(): Promise<void> {
  log(`fresh database ${new URL(DATABASE_URL).pathname.slice(1)}`);
  await freshDatabase(DATABASE_URL);
  const db = createDb(DATABASE_URL, { max: 4, applicationName: 'bench-forward' });
  const sandbox = await startSandbox({ balance: '100000000', seed: 7 });
  try {
    const c = await seedCatalog(db.sql, sandbox);
    log(`seeding ${ORDERS} + ${LATENCY_ORDERS} charged orders`);
    const fast = await seedOrders(db.sql, c, ORDERS, 'fast');
    const slow = await seedOrders(db.sql, c, LATENCY_ORDERS, 'slow');
    await db.sql`vacuum analyze`;

    log(`BullMQ no-op worker: ${ORDERS} jobs, concurrency ${CONCURRENCY}`);
    const noopMs = await noopWorkerRate(fast);

    await buildServiceBundles(root, ['forwarder']);
    log(`forwarder, provider at 0 ms: ${ORDERS} orders, concurrency ${CONCURRENCY}`);
    const zero = await forwarderRun(db.sql, fast, CONCURRENCY);
    const adds0 = sandbox.stats().adds;
    if (adds0.total !== ORDERS || adds0.accepted !== ORDERS)
      throw new Error(`sandbox saw ${adds0.total} adds`);

    log(
      `pgbench: the forwarder's two statements for ${PGBENCH_SECONDS} s, ${Math.min(CONCURRENCY, 20)} clients`,
    );
    const pg = await pgbenchForwardSql({
      sql: db.sql,
      databaseUrl: DATABASE_URL,
      ...c,
      orders: 120_000,
      clients: Math.min(CONCURRENCY, 20),
      seconds: PGBENCH_SECONDS,
    });
    if (pg.claimed !== pg.transactions)
      throw new Error(`pgbench: ${pg.claimed} of ${pg.transactions} claimed`);

    log(
      `forwarder, provider at ${LATENCY_MS} ms: ${LATENCY_ORDERS} orders, concurrency ${LATENCY_CONCURRENCY}`,
    );
    // No sandbox.reset(): it would restart the provider's order ids at 1, ids the first run's orders
    // hold, and the forwarder rightly sends an order answered with a taken id to needs_review.
    sandbox.setBalance('100000000');
    sandbox.setFaults({ match: { action: 'add' }, latencyMs: LATENCY_MS });
    const slowRun = await forwarderRun(db.sql, slow, LATENCY_CONCURRENCY);
    const adds1 = { total: sandbox.stats().adds.total - adds0.total };
    if (adds1.total !== LATENCY_ORDERS) throw new Error(`sandbox saw ${adds1.total} adds`);

    const fwd0 = Number(rate(ORDERS, zero.ms));
    const noop = Number(rate(ORDERS, noopMs));
    const ceiling = Math.min(noop, pg.tps);
    const bound = LATENCY_CONCURRENCY / (LATENCY_MS / 1000);
    const fwd200 = Number(rate(LATENCY_ORDERS, slowRun.ms));
    const lines = [
      '',
      `forward benchmark — ${new Date().toISOString()}, loopback, one forwarder process`,
      '',
      `provider at 0 ms, concurrency ${CONCURRENCY}, ${ORDERS} orders over ${c.lines.length} providers`,
      `  forwarder                        ${fwd0} orders/s  (${(zero.ms / 1000).toFixed(2)} s)`,
      `  BullMQ no-op worker (baseline)   ${noop} jobs/s  (${(noopMs / 1000).toFixed(2)} s)`,
      `  pgbench, forwarder SQL (baseline) ${pg.tps.toFixed(0)} tx/s  (${pg.transactions} tx, claim + success, ${Math.min(CONCURRENCY, 20)} clients)`,
      `  ceiling (lower of the two)       ${ceiling.toFixed(0)}/s → forwarder at ${((fwd0 / ceiling) * 100).toFixed(0)}%`,
      `  target ≥ 1,000 orders/s          ${fwd0 >= 1000 ? 'met' : 'NOT met'}`,
      '',
      `provider at ${LATENCY_MS} ms, concurrency ${LATENCY_CONCURRENCY}, ${LATENCY_ORDERS} orders over ${c.lines.length} providers`,
      `  forwarder                        ${fwd200} orders/s  (${(slowRun.ms / 1000).toFixed(2)} s)`,
      `  Little's law bound               ${bound.toFixed(0)} orders/s → ${(fwd200 / bound).toFixed(2)} × bound`,
      `  mean add call seen by forwarder  ${slowRun.meanAddMs.toFixed(1)} ms (0 ms run: ${zero.meanAddMs.toFixed(1)} ms)`,
      `  jobs that waited for a slot      ${slowRun.limited} (0 ms run: ${zero.limited}; a provider holds at most half the pool)`,
      `  target ≥ 0.9 × bound             ${fwd200 >= 0.9 * bound ? 'met' : 'NOT met'}`,
      '',
      `peak RSS of the forwarder process: ${mb(zero.peakRssKb)} (0 ms run), ${mb(slowRun.peakRssKb)} (${LATENCY_MS} ms run); ` +
        `V8 heap in use at the end: ${zero.heapUsedMb.toFixed(0)} MB, ${slowRun.heapUsedMb.toFixed(0)} MB`,
      `every order sent exactly once: sandbox adds ${adds0.total} + ${adds1.total} for ${ORDERS} + ${LATENCY_ORDERS} orders`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    const path = writeResults('forward', {
      ordersPerSec0ms: fwd0,
      pgbenchTps: pg.tps,
      ordersPerSec200ms: fwd200,
      littleBound: bound,
      // The forwarder process's VmHWM, the higher of its two runs (each run is its own process).
      peakRssMiB: Math.max(zero.peakRssKb, slowRun.peakRssKb) / 1024,
    });
    log(`figures written to ${path}`);
  } finally {
    await sandbox.close();
    await db.close();
  }
}

await main();
process.exit(0);
