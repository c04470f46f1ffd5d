import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import type { StatusSync } from '../src/index.ts';
import { buildInstance, insertProvider, insertUser, placeOrder, testConfig } from './helpers.ts';

const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-replicas');
const config = testConfig(t.url, redisUrl, prefix, { SYNC_INTERVAL_MS: '1000', REPAIR_INTERVAL_MS: '1000' });

// Orders stay Pending for an hour: every check after the first one changes nothing.
const sandbox = await startSandbox({ durationMs: 3_600_000 });
const provider = await insertProvider(sql, config, sandbox);
const userId = await insertUser(sql, '1000.000000');
const ORDERS = 250;
for (let i = 0; i < ORDERS; i++) {
  await placeOrder(sql, provider, userId, {
    link: `https://ig.example/r${i}`,
    quantity: 100,
    price: '0.100000',
  });
}

let instances: StatusSync[] = [];
afterAll(async () => {
  await Promise.all(instances.map((i) => i.close()));
  await sandbox.close();
  await deletePrefix(redisUrl, prefix);
});

const statusCalls = () => sandbox.stats().requests.byAction.status ?? 0;

async function checks(): Promise<{ checked: number; byUnchanged: Record<string, number> }> {
  const rows = await sql<{ unchanged: number; n: number; checked: number }[]>`
    select unchanged_checks as unchanged, count(*)::int as n, count(last_status_check)::int as checked
    from orders group by unchanged_checks`;
  return {
    checked: rows.reduce((s, r) => s + r.checked, 0),
    byUnchanged: Object.fromEntries(rows.map((r) => [String(r.unchanged), r.n])),
  };
}

async function until(cond: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function idle(i: StatusSync): Promise<boolean> {
  const c = await i.queue().getJobCounts('waiting', 'active', 'prioritized');
  return (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) === 0;
}

describe('two status-sync replicas', () => {
  it('poll every order exactly once per sweep, whichever replica runs the sweep and the batches', async () => {
    instances = [buildInstance(config, { schedulers: true }), buildInstance(config, { schedulers: true })];
    await Promise.all(instances.map((i) => i.start({ listen: false })));

    await until(async () => (await checks()).checked === ORDERS);
    // Several more scheduled sweeps run on both replicas; none finds these orders due.
    await new Promise((r) => setTimeout(r, 2_500));
    await until(() => idle(instances[0]!));
    // unchanged_checks counts checks after the first: 0 everywhere means no order was asked about twice.
    expect((await checks()).byUnchanged).toEqual({ '0': ORDERS });
    expect(statusCalls()).toBe(Math.ceil(ORDERS / 100));
  });

  it('two sweeps at the same moment on both replicas split the due orders without overlap', async () => {
    await sql`update orders set next_status_check = now() - interval '1 second'`;
    const before = statusCalls();
    const [a, b] = await Promise.all(instances.map((i, n) => i.run.sweep({ sweepId: `race${n}` })));
    await until(async () => (await checks()).byUnchanged['1'] === ORDERS);
    await until(() => idle(instances[0]!));
    expect((await checks()).byUnchanged).toEqual({ '1': ORDERS });
    // Every call carried only orders no other call carried (a scheduled sweep may have taken a share).
    expect(a!.orders + b!.orders).toBeLessThanOrEqual(ORDERS);
    expect(statusCalls() - before).toBeGreaterThanOrEqual(Math.ceil(ORDERS / 100));
  });

  it('restarting both replicas leaves exactly the owned schedulers, once each', async () => {
    await Promise.all(instances.map((i) => i.close()));
    instances = [buildInstance(config, { schedulers: true }), buildInstance(config, { schedulers: true })];
    await Promise.all(instances.map((i) => i.start({ listen: false })));
    const schedulers = await instances[0]!.queue().getJobSchedulers();
    expect(
      schedulers
        .map((s) => ({ key: s.key, name: s.name, every: s.every }))
        .sort((x, y) => x.key.localeCompare(y.key)),
    ).toEqual([
      { key: 'idempotency-purge', name: 'purge-idempotency-keys', every: 3_600_000 },
      { key: 'refill-sync', name: 'sync-refills', every: 1000 },
      { key: 'repair-stuck', name: 'repair-stuck', every: 1000 },
      { key: 'status-sweep', name: 'sync-sweep', every: 1000 },
    ]);
  });
});
