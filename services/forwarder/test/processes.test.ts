import { setTimeout as sleep } from 'node:timers/promises';
import {
  createProducerConnection,
  enqueueBulk,
  forwardJobId,
  type Producer,
  Producer as QueueProducer,
  waitForRedis,
} from '@smm/queue';
import { type RunningSandbox, startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrders, insertCatalog, insertUser, orderRow, statusCounts, uniqueLink } from './fixtures.ts';
import { startInFlightProxy } from './in-flight-proxy.ts';
import { type ForwarderProcess, metricSum, spawnForwarder, startForwarderProcess } from './processes.ts';

const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});

async function setup(sandboxOpts: Parameters<typeof startSandbox>[0] = {}) {
  const prefix = testPrefix('fwdproc');
  const sandbox = await startSandbox({ balance: '1000000', ...sandboxOpts });
  const conn = createProducerConnection(redisUrl);
  await waitForRedis(conn);
  const producer = new QueueProducer({ connection: conn, prefix });
  cleanups.push(async () => {
    await producer.close();
    conn.disconnect();
    await sandbox.close();
    await deletePrefix(redisUrl, prefix);
  });
  const env = {
    DATABASE_URL: t.url,
    REDIS_URL: redisUrl,
    BULL_PREFIX: prefix,
    ALLOW_INSECURE_PROVIDER_URLS: 'true',
    LOG_LEVEL: 'info',
  };
  return { prefix, sandbox, producer, env };
}

async function start(env: Record<string, string>): Promise<ForwarderProcess> {
  const p = await startForwarderProcess(env);
  cleanups.push(() => p.kill('SIGKILL'));
  return p;
}

async function forwardAll(producer: Producer, orderIds: string[]) {
  for (let i = 0; i < orderIds.length; i += 500) {
    await enqueueBulk(
      producer,
      'forward-order',
      orderIds.slice(i, i + 500).map((orderId) => ({
        payload: { orderId },
        opts: { jobId: forwardJobId(orderId, 1) },
      })),
    );
  }
}

function addsPerLink(sandbox: RunningSandbox) {
  return sandbox.stats().adds.byTarget.map((c) => c.total);
}

describe('forwarder processes', () => {
  it('a forwarder killed during the add call leaves the order in submitting; nothing ever sends it again', async () => {
    const { sandbox, producer, env } = await setup();
    const catalog = await insertCatalog(sql, sandbox);
    const user = await insertUser(sql, '100.000000');
    const [o] = await createOrders(sql, catalog, user, [uniqueLink('killed')]);
    sandbox.addFaults({ match: { action: 'add', linkIncludes: o!.link }, latencyMs: 4_000 });
    const procEnv = { ...env, FORWARD_LOCK_DURATION_MS: '1000', FORWARD_STALLED_INTERVAL_MS: '500' };

    const first = await start(procEnv);
    await forwardAll(producer, [o!.orderId]);
    await expect.poll(() => sandbox.addCalls(o!.link).total, { timeout: 10_000 }).toBe(1);
    await first.kill('SIGKILL');
    expect((await orderRow(sql, o!.orderId)).status).toBe('submitting');

    // A new process takes over the queue: the dead job's lock expires, it is failed as stalled, not re-run.
    await start(procEnv);
    const queue = producer.queue('order-forward');
    const jobId = forwardJobId(o!.orderId, 1);
    await expect.poll(() => queue.getJobState(jobId), { timeout: 15_000 }).toBe('failed');
    expect((await queue.getJob(jobId))?.failedReason).toMatch(/stalled/);
    await sleep(1_000);
    expect((await orderRow(sql, o!.orderId)).status).toBe('submitting');
    // Even a fresh job for it (a mistaken re-enqueue) does not send a submitting order.
    await producer.queue('order-forward').add('forward-order', { orderId: o!.orderId }, { jobId: 'stray' });
    await expect.poll(() => queue.getJobState('stray'), { timeout: 10_000 }).toBe('completed');
    expect((await queue.getJob('stray'))?.returnvalue).toEqual({ status: 'submitting' });

    // The repair rule status-sync owns: a stale submitting order goes to review.
    await sql`update orders set status = 'needs_review', last_error = 'forwarder died during the add call'
              where status = 'submitting' and submitted_at < now() - interval '1 second'`;
    expect((await orderRow(sql, o!.orderId)).status).toBe('needs_review');
    await sleep(3_500); // the sandbox finishes the abandoned request: still one add, ever
    expect(sandbox.addCalls(o!.link)).toEqual({ total: 1, accepted: 1 });
  });

  it('on SIGTERM a forwarder finishes the call in flight before it exits', async () => {
    const { sandbox, producer, env } = await setup();
    const catalog = await insertCatalog(sql, sandbox);
    const user = await insertUser(sql, '100.000000');
    const [o] = await createOrders(sql, catalog, user, [uniqueLink('drain')]);
    sandbox.addFaults({ match: { action: 'add', linkIncludes: o!.link }, latencyMs: 1_000 });
    const p = await start(env);
    await forwardAll(producer, [o!.orderId]);
    await expect.poll(() => sandbox.addCalls(o!.link).total, { timeout: 10_000 }).toBe(1);
    expect(await p.kill('SIGTERM')).toBe(0);
    expect((await orderRow(sql, o!.orderId)).status).toBe('processing');
    expect(p.output()).toContain('forwarder stopped');
  });

  it('two forwarder processes on one queue send each of 2,000 orders exactly once', async () => {
    const { sandbox, producer, env } = await setup();
    const catalog = await insertCatalog(sql, sandbox, { maxConcurrency: 100 });
    const user = await insertUser(sql, '100000.000000');
    const links = Array.from({ length: 2_000 }, (_, i) => uniqueLink(`bulk${i}`));
    const orders = await createOrders(sql, catalog, user, links);
    const ids = orders.map((o) => o.orderId);

    const [a, b] = await Promise.all([start(env), start(env)]);
    const started = Date.now();
    await forwardAll(producer, ids);
    await expect
      .poll(async () => (await statusCounts(sql, ids)).processing ?? 0, { timeout: 60_000, interval: 250 })
      .toBe(2_000);
    const seconds = (Date.now() - started) / 1000;

    expect(await statusCounts(sql, ids)).toEqual({ processing: 2_000 });
    const stats = sandbox.stats();
    expect(stats.adds).toMatchObject({ total: 2_000, accepted: 2_000 });
    expect(addsPerLink(sandbox).every((n) => n === 1)).toBe(true);
    expect(new Set(addsPerLink(sandbox)).size).toBe(1);
    const [dupes] =
      await sql`select count(distinct provider_order_id)::int as n from orders where id = any(${ids})`;
    expect(dupes?.n).toBe(2_000);

    // Both processes took part, and their metrics add up to the orders.
    const texts = await Promise.all(
      [a, b].map((p) => fetch(`http://127.0.0.1:${p.port}/metrics`).then((r) => r.text())),
    );
    const perProcess = texts.map((x) => metricSum(x, 'forwarder_jobs_total', 'outcome="forwarded"'));
    expect(perProcess[0]! + perProcess[1]!).toBe(2_000);
    expect(perProcess.every((n) => n > 0)).toBe(true);
    const ready = await fetch(`http://127.0.0.1:${a.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
    console.info(`2,000 orders through two forwarder processes in ${seconds.toFixed(1)} s`);
  });

  it('per-provider max concurrency holds across two processes', async () => {
    const { sandbox, producer, env } = await setup({
      faults: [{ match: { action: 'add' }, latencyMs: 150 }],
    });
    const proxy = await startInFlightProxy(sandbox.apiUrl);
    cleanups.push(() => proxy.close());
    const catalog = await insertCatalog(
      sql,
      { apiUrl: proxy.apiUrl, apiKey: sandbox.apiKey },
      { maxConcurrency: 3 },
    );
    const user = await insertUser(sql, '1000.000000');
    const orders = await createOrders(
      sql,
      catalog,
      user,
      Array.from({ length: 30 }, (_, i) => uniqueLink(`limited${i}`)),
    );
    const ids = orders.map((o) => o.orderId);
    const procEnv = { ...env, FORWARD_CONCURRENCY: '10', FORWARD_LIMIT_RETRY_MS: '50' };
    await Promise.all([start(procEnv), start(procEnv)]);
    await forwardAll(producer, ids);
    await expect
      .poll(async () => (await statusCounts(sql, ids)).processing ?? 0, { timeout: 30_000, interval: 200 })
      .toBe(30);
    // At the limit, never over it (20 job slots were free for 30 orders).
    expect(proxy.maxInFlight()).toBe(3);
    expect(sandbox.stats().adds.total).toBe(30);
  });

  it('says clearly, without a stack trace, when Postgres or Redis cannot be reached at start (START_WAIT_MS set)', async () => {
    const run = (env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawnForwarder(env);
        let stderr = '';
        child.stderr!.on('data', (c: Buffer) => {
          stderr += c.toString();
        });
        child.once('exit', (code) => resolve({ code, stderr }));
      });
    // It waits for them (a line per attempt) and gives up only after START_WAIT_MS, with one line.
    const pg = await run({
      DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/smm',
      REDIS_URL: redisUrl,
      START_WAIT_MS: '1500',
    });
    expect(pg.code).toBe(1);
    expect(pg.stderr).toMatch(
      /^forwarder: cannot reach Postgres at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/smm: /,
    );
    expect(pg.stderr).not.toMatch(/\n\s+at /);
    expect(pg.stderr).not.toContain('secret');

    const redis = await run({ DATABASE_URL: t.url, REDIS_URL: 'redis://127.0.0.1:1', START_WAIT_MS: '3000' });
    expect(redis.code).toBe(1);
    expect(redis.stderr).toMatch(/^forwarder: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: /);
    expect(redis.stderr).not.toMatch(/\n\s+at /);
  });
});
