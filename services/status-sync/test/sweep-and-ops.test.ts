import { waitForRedis } from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildInstance,
  insertProvider,
  insertUser,
  orderRow,
  type PlacedOrder,
  placeOrder,
  testConfig,
} from './helpers.ts';

const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-sweep');
const config = testConfig(t.url, redisUrl, prefix);

const sandbox = await startSandbox({ durationMs: 3_600_000 });
const provider = await insertProvider(sql, config, sandbox);
const userId = await insertUser(sql, '100.000000');
const orders: PlacedOrder[] = [];
for (let i = 0; i < 120; i++) {
  orders.push(
    await placeOrder(sql, provider, userId, {
      link: `https://ig.example/s${i}`,
      quantity: 100,
      price: '0.100000',
    }),
  );
}
const service = buildInstance(config);

afterAll(async () => {
  await service.close();
  await sandbox.close();
  await deletePrefix(redisUrl, prefix);
});

describe('sync-sweep', () => {
  it('claims due orders so no other sweep, not even a forced one, takes them before their batch runs', async () => {
    await waitForRedis(service.producer.connection);
    const first = await service.run.sweep({ sweepId: 'sw1' });
    expect(first).toMatchObject({ orders: 120, batches: 2 });
    const jobs = await Promise.all(first.batchJobIds.map((id) => service.queue().getJob(id)));
    expect(jobs.map((j) => j?.data.orderIds.length)).toEqual([100, 20]);
    // Named after the sweep and its run, the provider and the batch's first order.
    const [run] = first.batchJobIds.map((id) => /^sb-sw1-([0-9a-f]{6})-/.exec(id)?.[1]);
    expect(run).toBeDefined();
    expect(first.batchJobIds).toEqual(
      jobs.map((j) => `sb-sw1-${run}-${provider.providerId}-${j!.data.orderIds[0]}`),
    );
    const all = jobs.flatMap((j) => j!.data.orderIds as string[]);
    expect(new Set(all).size).toBe(120);

    // The worker has not run yet: the orders are claimed, not due, and a forced sweep skips them too.
    expect(await service.run.sweep({ force: true, sweepId: 'sw2' })).toMatchObject({ orders: 0, batches: 0 });
    expect(sandbox.stats().requests.byAction.status ?? 0).toBe(0);

    // Once the worker runs the two batches, each order carries a real next check (a minute: young).
    await service.start();
    const deadline = Date.now() + 15_000;
    while ((await sql`select 1 from orders where last_status_check is null`).length > 0) {
      if (Date.now() > deadline) throw new Error('batches did not run');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(sandbox.stats().requests.byAction.status).toBe(2);
    const row = await orderRow(sql, orders[0]!.orderId);
    expect(row.nextCheckInS).toBeGreaterThan(50);
    expect(row.nextCheckInS).toBeLessThanOrEqual(60);

    // A forced sweep now takes everything that is not claimed.
    const forced = await service.run.sweep({ force: true, sweepId: 'sw3' });
    expect(forced).toMatchObject({ orders: 120, batches: 2 });
  });
});

describe('ops endpoints', () => {
  it('serves /healthz, /readyz and /metrics with the sync lag and provider calls', async () => {
    const base = `http://127.0.0.1:${(service.app.server.address() as { port: number }).port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);

    // Let the forced sweep's batches finish, then make one order two minutes overdue.
    const deadline = Date.now() + 15_000;
    const busy = async () => {
      const c = await service.queue().getJobCounts('waiting', 'active');
      return (c.waiting ?? 0) + (c.active ?? 0) > 0;
    };
    while (await busy()) {
      if (Date.now() > deadline) throw new Error('queue did not drain');
      await new Promise((r) => setTimeout(r, 100));
    }
    await sql`update orders set next_status_check = now() - interval '120 seconds' where id = ${orders[5]!.orderId}`;
    const text = await (await fetch(`${base}/metrics`)).text();
    const lag = Number(/^status_sync_lag_seconds (\S+)$/m.exec(text)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(119);
    expect(lag).toBeLessThan(200);
    expect(text).toMatch(
      new RegExp(
        `^provider_calls_total\\{provider="${provider.providerId}",action="status",outcome="ok"\\} 4$`,
        'm',
      ),
    );
    expect(text).toMatch(/^status_sync_orders_synced_total\{provider="prv_\w+"\} 240$/m);
  });
});

describe('claims', () => {
  it('a claim whose batch was lost expires: the orders are swept again, and not before', async () => {
    const lost = orders.slice(10, 15).map((o) => o.orderId);
    const ids = JSON.stringify(lost);
    // As a sweep killed between its claim and its enqueue leaves them: claimed, due, no batch.
    await sql`update orders set sync_claimed_until = now() + interval '1 hour', next_status_check = now() - interval '1 second'
              where id in (select jsonb_array_elements_text(${ids}::jsonb))`;
    const swept = async (sweepId: string, force = false) => {
      const r = await service.run.sweep({ force, sweepId });
      const jobs = await Promise.all(r.batchJobIds.map((id) => service.queue().getJob(id)));
      return jobs.flatMap((j) => j!.data.orderIds as string[]);
    };
    // Neither a scheduled nor a forced sweep takes them while the claim holds.
    expect((await swept('lost-1')).filter((id) => lost.includes(id))).toEqual([]);
    expect((await swept('lost-2', true)).filter((id) => lost.includes(id))).toEqual([]);
    await sql`update orders set sync_claimed_until = now() - interval '1 second'
              where id in (select jsonb_array_elements_text(${ids}::jsonb))`;
    expect((await swept('lost-3')).filter((id) => lost.includes(id)).sort()).toEqual([...lost].sort());
  });
});
