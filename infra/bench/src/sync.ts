/**
 * Status-sync benchmark: 100,000 active orders over two sandbox providers, one forced sweep, every
 * batch synced by a real status-sync worker over HTTP (loopback). Printed next to a baseline from
 * the same run: a raw `UPDATE … FROM jsonb_to_recordset` of the same rows, in one statement and in
 * statements of 100 (the shape of the batch write, without provider calls, refunds or activity).
 * Dedicated database (BENCH_SYNC_DATABASE_URL, default smm_bench_sync), unique BullMQ prefix,
 * bounded by a hard deadline; it stops by itself.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { serviceNodeFlags } from '@smm/config';
import { createDb, createSecretBox, ensureDatabase, runMigrations } from '@smm/db';
import { newId } from '@smm/domain';
import { createProducerConnection, enqueue, Producer, QUEUE } from '@smm/queue';
import { type RunningSandbox, startSandbox } from '@smm/sandbox-provider';
import { buildServiceBundles, bundlePath } from '@smm/start/service-bundles';
import { loadConfig } from '@smm/status-sync';
import { deletePrefix } from '@smm/testkit';
import { Job } from 'bullmq';
import type postgres from 'postgres';
import { freePort, hardDeadline, root, startChild, stopChild } from './children.ts';
import { vmMiB } from './proc-memory.ts';
import { writeResults } from './results.ts';

const env = process.env;
const DATABASE_URL = env.BENCH_SYNC_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/smm_bench_sync';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ORDERS = Number(env.BENCH_SYNC_ORDERS ?? 100_000);
const USERS = Number(env.BENCH_SYNC_USERS ?? 1_000);
const CONCURRENCY = env.BENCH_SYNC_CONCURRENCY ?? '16';
const HARD_DEADLINE_MS = Number(env.BENCH_SYNC_DEADLINE_MS ?? 300_000);
const PRICE = '0.100000';
const QUANTITY = 1000;

hardDeadline('bench:sync', HARD_DEADLINE_MS);

const log = (line: string) => process.stderr.write(`bench:sync: ${line}\n`);
const secs = (ms: number) => (ms / 1000).toFixed(2);

type SandboxOrder = Parameters<RunningSandbox['state']['book']['insert']>[0];

/**
 * Seeds orders straight into a sandbox's book (its public in-process state), so 50,000 orders take
 * milliseconds instead of 50,000 `add` calls. Outcomes are mixed so the sync does real work:
 * 70% in progress (a status change), 20% completed, 7% partial and 3% canceled (refunds).
 */
function seedSandbox(sandbox: RunningSandbox, count: number): number[] {
  const now = Date.now();
  const book = sandbox.state.book;
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = book.allocateId();
    const roll = i % 100;
    const final: SandboxOrder['finalStatus'] =
      roll < 70 ? 'In progress' : roll < 90 ? 'Completed' : roll < 97 ? 'Partial' : 'Canceled';
    const order: SandboxOrder = {
      id,
      service: 1,
      link: `https://ig.example/bench/${id}`,
      quantity: QUANTITY,
      charge: '0.900000',
      createdAt: now - 60_000,
      startAt: now - 60_000,
      finishAt: final === 'In progress' ? Number.POSITIVE_INFINITY : now - 1_000,
      startCount: 1000 + (i % 5000),
      finalStatus: final,
      finalRemains:
        final === 'Partial'
          ? 123 + (i % 300)
          : final === 'Canceled'
            ? QUANTITY
            : final === 'Completed'
              ? 0
              : 400,
      refunded: false,
    };
    book.insert(order);
    ids.push(id);
  }
  return ids;
}

async function seedDatabase(
  sql: postgres.Sql,
  providers: Array<{ id: string; sandbox: RunningSandbox; providerOrderIds: number[] }>,
  secretsKey: Buffer,
): Promise<void> {
  await sql`truncate activity_log, ledger, refills, idempotency_keys, orders, services, categories, api_providers, users cascade`;
  const box = createSecretBox(secretsKey);
  const categoryId = newId('category');
  await sql`insert into categories (id, name) values (${categoryId}, 'Bench')`;
  const services: string[] = [];
  for (const p of providers) {
    const serviceId = newId('service');
    services.push(serviceId);
    await sql`insert into api_providers (id, name, api_url, api_key_enc)
              values (${p.id}, 'Bench sandbox', ${p.sandbox.apiUrl}, ${box.encrypt(p.sandbox.apiKey)})`;
    await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd)
              values (${serviceId}, 'Bench service', ${categoryId}, ${p.id}, '1', '12', '0.1')`;
  }
  // Users funded by a deposit, then charged for their orders: balance = Σ ledger from the start.
  const perUser = Math.ceil(ORDERS / USERS);
  const deposit = (perUser * 0.1 + 100).toFixed(6);
  await sql`
    insert into users (id, email, name, password_hash, balance, currency)
    select 'usr_' || lpad(g::text, 26, '0'), 'bench' || g || '@example.com', 'Bench', 'x', ${deposit}::numeric, 'USD'
    from generate_series(1, ${USERS}) g`;
  await sql`
    insert into ledger (id, user_id, kind, amount, balance_after, currency, note)
    select 'led_d' || lpad(g::text, 25, '0'), 'usr_' || lpad(g::text, 26, '0'), 'deposit', ${deposit}::numeric,
           ${deposit}::numeric, 'USD', 'bench seed'
    from generate_series(1, ${USERS}) g`;
  for (const [n, p] of providers.entries()) {
    const rows = p.providerOrderIds;
    await sql`
      insert into orders (id, user_id, service_id, category_id, provider_id, provider_order_id, link, quantity,
                          service_type, units, price, currency, bdt_price, usd_price, status, submitted_at,
                          next_status_check, submit_attempts)
      select 'ord_' || lpad((${n} * 1000000 + g)::text, 26, '0'),
             'usr_' || lpad((1 + (${n} * 1000000 + g) % ${USERS})::text, 26, '0'),
             ${services[n]!}, ${categoryId}, ${p.id}, (${rows[0]!} + g - 1)::text,
             'https://ig.example/bench/' || (${rows[0]!} + g - 1), ${QUANTITY}, 'Default', ${QUANTITY},
             ${PRICE}::numeric, 'USD',
             12, ${PRICE}::numeric, 'processing', now() - interval '1 hour', now() + interval '30 minutes', 1
      from generate_series(1, ${rows.length}) g`;
  }
  await sql`
    insert into ledger (id, user_id, order_id, kind, amount, balance_after, currency, note)
    select 'led_' || substr(o.id, 5), o.user_id, o.id, 'charge', -o.price, 0, 'USD', 'bench charge' from orders o`;
  await sql`
    update users u set balance = u.balance - c.total
    from (select user_id, sum(price) as total from orders group by user_id) c where c.user_id = u.id`;
  await sql`analyze`;
}

async function baseline(sql: postgres.Sql): Promise<{ oneStatementMs: number; batchesOf100Ms: number }> {
  const ids = (await sql<{ id: string }[]>`select id from orders order by id`).map((r) => r.id);
  const rows = ids.map((id, i) => ({ id, ps: 'In progress', sc: 1000 + i, rem: 400, ch: '0.9' }));
  // Same columns and table (indexes included) the batch writes; runs after the benchmark's result was read.
  let t = performance.now();
  await sql`
    update orders o set provider_status = x.ps, start_count = x.sc, remains = x.rem, provider_charge = x.ch,
                             last_status_check = now(), next_status_check = now() + interval '1 minute',
                             unchanged_checks = 0, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, ps text, sc bigint, rem bigint, ch numeric)
    where o.id = x.id`;
  const oneStatementMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < rows.length; i += 100) {
    await sql`
      update orders o set provider_status = x.ps, start_count = x.sc, remains = x.rem, provider_charge = x.ch,
                               last_status_check = now(), next_status_check = now() + interval '1 minute',
                               unchanged_checks = 0, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 100))}::jsonb) as x(id text, ps text, sc bigint, rem bigint, ch numeric)
      where o.id = x.id`;
  }
  const batchesOf100Ms = performance.now() - t;
  return { oneStatementMs, batchesOf100Ms };
}

/** The sum of a Prometheus counter over all its label sets, read from a /metrics page. */
function counterTotal(page: string, name: string): number {
  let total = 0;
  for (const line of page.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) total += Number(line.split(' ').at(-1));
  }
  return total;
}

async function main(): Promise<void> {
  const prefix = `bench-sync-${randomBytes(4).toString('hex')}`;
  if (await ensureDatabase(DATABASE_URL)) log('created database');
  await runMigrations(DATABASE_URL);
  const port = await freePort();
  // status-sync runs as its own process, started as `npm start` starts it (the service's V8 flags,
  // its own main.ts); only the two sandboxes share this process, standing in for remote providers.
  const serviceEnv = {
    PATH: env.PATH ?? '',
    NODE_ENV: 'development',
    DATABASE_URL,
    REDIS_URL,
    BULL_PREFIX: prefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SECRETS_KEY: randomBytes(32).toString('hex'),
    SYNC_CONCURRENCY: CONCURRENCY,
    DB_POOL_MAX: String(Number(CONCURRENCY) + 4),
    // Only the forced sweep below may take the seeded orders (they are due in 30 minutes); the
    // service's own schedules stay out of the measured window.
    SYNC_INTERVAL_MS: String(3_600_000),
    REPAIR_INTERVAL_MS: String(3_600_000),
  };
  const config = loadConfig(serviceEnv);

  const sandboxes = await Promise.all([startSandbox({ seed: 1 }), startSandbox({ seed: 2 })]);
  const half = Math.floor(ORDERS / 2);
  const providers = sandboxes.map((sandbox, n) => ({
    id: newId('provider'),
    sandbox,
    providerOrderIds: seedSandbox(sandbox, n === 0 ? half : ORDERS - half),
  }));
  // createDb's client: its jsonb parameters are sent as given (a plain client would encode the JSON text again).
  const adminDb = createDb(DATABASE_URL, { max: 2, applicationName: 'bench-sync-admin' });
  const admin = adminDb.sql;
  let t = performance.now();
  await seedDatabase(admin, providers, config.secretsKey);
  log(`seeded ${ORDERS} orders, ${USERS} users, 2 providers in ${secs(performance.now() - t)} s`);

  await buildServiceBundles(root, ['status-sync']);
  const producer = new Producer({ connection: createProducerConnection(REDIS_URL), prefix });
  let service: ChildProcess | undefined;
  try {
    service = await startChild(
      // e.g. BENCH_SYNC_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-sync" to see where the time goes.
      [
        ...serviceNodeFlags('status-sync'),
        ...(env.BENCH_SYNC_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        bundlePath('status-sync'),
      ],
      serviceEnv,
      async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok,
    );
    const pid = service.pid!;
    const metrics = async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const s of sandboxes) s.state.stats.reset();
    const rssBefore = vmMiB(pid, 'VmRSS');

    t = performance.now();
    const sweepJob = await enqueue(producer, 'sync-sweep', { force: true });
    let sweep: { batches: number } | undefined;
    while (!sweep) {
      if (performance.now() - t > HARD_DEADLINE_MS) throw new Error('the sweep did not finish');
      const job = await Job.fromId(producer.queue(QUEUE.statusSync), sweepJob.id!);
      if (job?.failedReason) throw new Error(`the sweep failed: ${job.failedReason}`);
      if (job?.finishedOn) sweep = job.returnvalue as { batches: number };
      else await new Promise((r) => setTimeout(r, 20));
    }
    const sweepMs = performance.now() - t;
    // A batch that threw is retried by BullMQ and counted once it finished; one that failed for good
    // stays in the failed set.
    let completed = 0;
    let failed = 0;
    while (completed + failed < sweep.batches) {
      if (performance.now() - t > HARD_DEADLINE_MS) throw new Error('batches did not finish');
      await new Promise((r) => setTimeout(r, 50));
      completed = counterTotal(await metrics(), 'status_sync_batches_total');
      failed = (await producer.queue(QUEUE.statusSync).getJobCounts('failed')).failed ?? 0;
    }
    const wallMs = performance.now() - t;
    const rssAfter = vmMiB(pid, 'VmRSS');
    const peakRss = vmMiB(pid, 'VmHWM');
    const calls = sandboxes.map((s) => s.stats().requests.byAction.status ?? 0);
    const expected = providers.map((p) => Math.ceil(p.providerOrderIds.length / 100));
    const [byStatus] = await admin<{ statuses: Record<string, number> }[]>`
      select jsonb_object_agg(status, n) as statuses from (select status, count(*)::int n from orders group by status) s`;
    const [refunds] = await admin<{ n: number; total: string }[]>`
      select count(*)::int as n, coalesce(sum(amount), 0)::text as total from ledger where kind = 'refund'`;
    const [unsynced] = await admin<
      { n: number }[]
    >`select count(*)::int as n from orders where last_status_check is null`;
    const [bad] = await admin<{ n: number }[]>`
      select count(*)::int as n from users u
      where u.balance <> (select coalesce(sum(amount), 0) from ledger l where l.user_id = u.id)`;

    const base = await baseline(admin);
    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
    console.log(`
status-sync benchmark — ${ORDERS.toLocaleString('en-US')} active orders, 2 sandbox providers, one status-sync process, SYNC_CONCURRENCY=${CONCURRENCY}
  forced sweep (select + claim + enqueue) ${secs(sweepMs)} s  → ${sweep.batches} sync-batch jobs
  sweep → all batches written            ${secs(wallMs)} s  (${rate(ORDERS, wallMs)} orders/s)   target ≤ 30 s
  batch jobs completed / failed          ${completed} / ${failed}
  provider status calls                  ${calls.join(' + ')} = ${calls.reduce((a, b) => a + b, 0)}   expected Σ ceil(n/100) = ${expected.join(' + ')} = ${expected.reduce((a, b) => a + b, 0)}   ${calls.every((c, i) => c === expected[i]) ? 'OK' : 'MISMATCH'}
  orders by status after                 ${JSON.stringify(byStatus?.statuses)}
  orders never checked                   ${unsynced?.n}
  refunds written                        ${refunds?.n} (Σ ${refunds?.total})
  users with balance ≠ Σ ledger          ${bad?.n}
  RSS                                    ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MiB   (peak ${peakRss.toFixed(0)} MiB, the process's VmHWM)
baseline, same run, same rows (raw UPDATE … FROM jsonb_to_recordset, no provider calls/refunds/activity)
  one statement of ${ORDERS}              ${secs(base.oneStatementMs)} s  (${rate(ORDERS, base.oneStatementMs)} rows/s)
  ${Math.ceil(ORDERS / 100)} sequential statements of 100     ${secs(base.batchesOf100Ms)} s  (${rate(ORDERS, base.batchesOf100Ms)} rows/s)
`);
    const path = writeResults('sync', {
      orders: ORDERS,
      seconds: wallMs / 1000,
      rawBatchSeconds: base.batchesOf100Ms / 1000,
      peakRssMiB: peakRss,
    });
    log(`figures written to ${path}`);
  } finally {
    if (service) await stopChild(service);
    await producer.close();
    producer.connection.disconnect();
    await Promise.all(sandboxes.map((s) => s.close()));
    await adminDb.close(5);
    await deletePrefix(REDIS_URL, prefix);
  }
}

await main();
