import { newId } from '@smm/domain';
import { waitForRedis } from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import type { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildInstance,
  insertProvider,
  insertUser,
  type PlacedOrder,
  placeOrder,
  type TestProvider,
  testConfig,
} from './helpers.ts';

// The sweep claims in chunks so the workers poll while it is still claiming. No worker runs in this
// file: the batches stay in the queue, where the test reads what each one holds.
const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-chunks');
const sandboxes = await Promise.all([
  startSandbox({ durationMs: 3_600_000 }),
  startSandbox({ durationMs: 3_600_000 }),
]);
const base = testConfig(t.url, redisUrl, prefix);
const a = await insertProvider(sql, base, sandboxes[0]!);
const b = await insertProvider(sql, base, sandboxes[1]!);
const userId = await insertUser(sql, '1000.000000');
const place = async (p: TestProvider, n: number) => {
  const out: PlacedOrder[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      await placeOrder(sql, p, userId, {
        link: `https://ig.example/c${i}`,
        quantity: 100,
        price: '0.100000',
      }),
    );
  return out.map((o) => o.orderId);
};
const ordersA = await place(a, 120);
const ordersB = await place(b, 50);
const instances: Array<{ close(): Promise<void> }> = [];
const instance = (chunk: number) => {
  const s = buildInstance(testConfig(t.url, redisUrl, prefix, { SYNC_SWEEP_CLAIM_CHUNK: String(chunk) }));
  instances.push(s);
  return s;
};

afterAll(async () => {
  for (const s of instances) await s.close();
  await Promise.all(sandboxes.map((s) => s.close()));
  await deletePrefix(redisUrl, prefix);
});

async function batches(queue: Queue, ids: string[]) {
  const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
  return jobs.map((j) => ({
    id: j!.id!,
    providerId: j!.data.providerId as string,
    orderIds: j!.data.orderIds as string[],
  }));
}
const sizesOf = (bs: Awaited<ReturnType<typeof batches>>, providerId: string) =>
  bs.filter((x) => x.providerId === providerId).map((x) => x.orderIds.length);
/**
 * Every claim released and A's orders the most overdue, so a sweep in chunks of 100 claims A's first
 * full batch first; the queue's real addBulk, for a test to wrap.
 */
async function aFirstInChunksOf100() {
  await sql`update orders set sync_claimed_until = null`;
  await sql`update orders set next_status_check = now() - interval '1 hour' where provider_id = ${a.providerId}`;
  await sql`update orders set next_status_check = now() where provider_id = ${b.providerId}`;
  const s = instance(100);
  await waitForRedis(s.producer.connection);
  const queue = s.queue();
  return { s, queue, addBulk: queue.addBulk.bind(queue) };
}
const claimed = async () =>
  (await sql<{ id: string }[]>`select id from orders where sync_claimed_until > now()`)
    .map((r) => r.id)
    .sort();

describe('a sweep that claims in chunks', () => {
  it('still makes ceil(n/100) batches per provider, every order in exactly one', async () => {
    // 35 does not divide 100: each provider's remainder carries over to the next chunk.
    const s = instance(35);
    await waitForRedis(s.producer.connection);
    const r = await s.run.sweep({ force: true, sweepId: 'c1' });
    expect(r).toMatchObject({ orders: 170, batches: 3 });
    const bs = await batches(s.queue(), r.batchJobIds);
    expect(sizesOf(bs, a.providerId)).toEqual([100, 20]);
    expect(sizesOf(bs, b.providerId)).toEqual([50]);
    const all = bs.flatMap((x) => x.orderIds).sort();
    expect(all).toEqual([...ordersA, ...ordersB].sort());
    for (const x of bs) {
      expect(x.orderIds.every((id) => (x.providerId === a.providerId ? ordersA : ordersB).includes(id))).toBe(
        true,
      );
      expect(x.id).toMatch(new RegExp(`^sb-c1-[0-9a-f]{6}-${x.providerId}-${x.orderIds[0]}$`));
    }
    expect(await claimed()).toEqual(all);
  });

  it('stops at SYNC_SWEEP_MAX_ORDERS across chunks, and the next sweep takes the rest', async () => {
    await sql`update orders set sync_claimed_until = null`;
    const s = buildInstance(
      testConfig(t.url, redisUrl, prefix, { SYNC_SWEEP_CLAIM_CHUNK: '35', SYNC_SWEEP_MAX_ORDERS: '110' }),
    );
    instances.push(s);
    const first = await s.run.sweep({ force: true, sweepId: 'm1' });
    expect(first.orders).toBe(110);
    const second = await s.run.sweep({ force: true, sweepId: 'm2' });
    expect(second.orders).toBe(60);
    const bs = await batches(s.queue(), [...first.batchJobIds, ...second.batchJobIds]);
    expect(bs.flatMap((x) => x.orderIds).sort()).toEqual([...ordersA, ...ordersB].sort());
    expect(bs.every((x) => x.orderIds.length <= 100)).toBe(true);
  });

  it('skips an order another replica polled after this sweep read its list (due again within the horizon)', async () => {
    const { s, queue, addBulk } = await aFirstInChunksOf100();
    let polledElsewhere = 0;
    // Between this sweep's first and second claim, another replica's batch polls B's 50 orders (the
    // sandbox answers "In progress": each is due again in about a minute, inside a forced sweep's
    // horizon). They are in this sweep's list, in its second chunk.
    queue.addBulk = async (jobs) => {
      const added = await addBulk(jobs);
      if (polledElsewhere === 0)
        polledElsewhere = (await s.run.batch({ providerId: b.providerId, orderIds: ordersB })).synced;
      return added;
    };
    const r = await s.run.sweep({ force: true, sweepId: 'w1' });
    expect(polledElsewhere).toBe(50);
    expect(r.orders).toBe(120);
    const bs = await batches(queue, r.batchJobIds);
    expect(bs.flatMap((x) => x.orderIds).sort()).toEqual([...ordersA].sort());
    expect(sizesOf(bs, b.providerId)).toEqual([]);
  });

  it('when Redis fails mid-sweep: landed batches keep their claims, the rest are released, and a retry covers them once', async () => {
    const { s, queue, addBulk } = await aFirstInChunksOf100();
    let calls = 0;
    // The network edge: Redis answers the first enqueue and is gone for the second.
    queue.addBulk = async (jobs) => {
      calls += 1;
      if (calls === 2) throw new Error('Connection is closed.');
      return addBulk(jobs);
    };
    await expect(s.run.sweep({ force: true, sweepId: 'f1' })).rejects.toThrow('Connection is closed.');
    const landed = await queue.getJobs(['waiting']);
    const mine = landed.filter((j) => j.id!.startsWith('sb-f1-'));
    expect(mine).toHaveLength(1);
    const inBatch = (mine[0]!.data.orderIds as string[]).slice().sort();
    expect(inBatch).toHaveLength(100);
    expect(inBatch.every((id) => ordersA.includes(id))).toBe(true);
    // Only the orders with a batch stay claimed; the other 70 are due again at once.
    expect(await claimed()).toEqual(inBatch);

    // BullMQ retries the sweep job with the same id: it takes the 70, and no batch is made twice.
    const retry = await s.run.sweep({ force: true, sweepId: 'f1' });
    expect(retry.orders).toBe(70);
    const bs = await batches(queue, retry.batchJobIds);
    expect(sizesOf(bs, a.providerId)).toEqual([20]);
    expect(sizesOf(bs, b.providerId)).toEqual([50]);
    const covered = [...inBatch, ...bs.flatMap((x) => x.orderIds)].sort();
    expect(covered).toEqual([...ordersA, ...ordersB].sort());
    expect(new Set([mine[0]!.id, ...retry.batchJobIds]).size).toBe(3);
  });

  it('a stalled sweep run again under its id, after its first batches completed, queues batches for every order it claims', async () => {
    await aFirstInChunksOf100();
    const s = instance(100);
    await s.start({ listen: false });
    const queue = s.queue();
    const first = await s.run.sweep({ force: true, sweepId: 'dup' });
    const deadline = Date.now() + 15_000;
    const states = async () =>
      Promise.all(first.batchJobIds.map(async (id) => (await queue.getJob(id))!.getState()));
    while (!(await states()).every((x) => x === 'completed')) {
      if (Date.now() > deadline) throw new Error('the first run did not finish');
      await new Promise((r) => setTimeout(r, 100));
    }
    await s.worker.pause();
    expect(await claimed()).toEqual([]);
    // BullMQ's stall check gives the sweep job to a worker again, same job id: the orders its first
    // run polled are due again within the forced horizon, and the completed batches are still kept.
    const again = await s.run.sweep({ force: true, sweepId: 'dup' });
    expect(again.orders).toBe(170);
    const live = (await queue.getJobs(['waiting'])).filter((j) => again.batchJobIds.includes(j.id!));
    expect(live).toHaveLength(again.batches);
    expect(live.flatMap((j) => j.data.orderIds as string[]).sort()).toEqual(await claimed());
    await s.close();
  });

  it('a failed enqueue after the first 500 batches of a chunk landed releases only what has no batch', async () => {
    await aFirstInChunksOf100();
    // 50,100 more orders of A: one chunk of 100,000 makes 501 batches, enqueued 500 at a time.
    const extra = Array.from({ length: 50_100 }, () => newId('order'));
    // A copy of one of A's orders per id (lateral: `(f(x)).*` would run f once per column).
    await sql`insert into orders
      select r.* from orders o, (select max(number) as top from orders) m,
        unnest(${extra}::text[]) with ordinality as i(id, n),
        lateral jsonb_populate_record(null::orders, to_jsonb(o) || jsonb_build_object(
          'id', i.id, 'provider_order_id', 'x' || i.n, 'number', m.top + i.n)) as r
      where o.id = ${ordersA[0]!}`;
    const s = instance(100_000);
    await waitForRedis(s.producer.connection);
    const queue = s.queue();
    const addBulk = queue.addBulk.bind(queue);
    let calls = 0;
    queue.addBulk = async (jobs) => {
      calls += 1;
      if (calls === 2) throw new Error('Connection is closed.');
      return addBulk(jobs);
    };
    await expect(s.run.sweep({ force: true, sweepId: 'big' })).rejects.toThrow('Connection is closed.');
    const landed = (await queue.getJobs(['waiting'])).filter((j) => j.id!.startsWith('sb-big-'));
    expect(landed).toHaveLength(500);
    const inLanded = landed.flatMap((j) => j.data.orderIds as string[]).sort();
    // The 500 landed batches keep their claims; the 501st batch and B's 50 are due again.
    expect(await claimed()).toEqual(inLanded);
    queue.addBulk = addBulk;
    const next = await s.run.sweep({ force: true, sweepId: 'big2' });
    expect(next.orders).toBe(170 + 50_100 - inLanded.length);
    const swept = (await batches(queue, next.batchJobIds)).flatMap((x) => x.orderIds);
    expect(swept.filter((id) => inLanded.includes(id))).toEqual([]);
  }, 120_000);
});
