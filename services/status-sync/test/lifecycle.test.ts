import { ledgerBalance } from '@smm/db';
import { enqueue, QUEUE } from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { Job, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SweepResult, SyncBatchResult } from '../src/index.ts';
import {
  activityOf,
  buildInstance,
  insertProvider,
  insertUser,
  orderRow,
  placeOrder,
  refundsOf,
  testConfig,
} from './helpers.ts';

const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-life');
const config = testConfig(t.url, redisUrl, prefix);

// The sandbox's clock is ours: orders move only when the test says so.
let now = Date.now();
const sandbox = await startSandbox({ clock: () => now, durationMs: 600_000, apiKey: 'life-secret-key-123' });
sandbox.setOutcomes([
  { match: { linkIncludes: 'partial' }, status: 'Partial', remains: 333, durationMs: 600_000 },
  { match: { linkIncludes: 'cancel' }, status: 'Canceled', durationMs: 600_000 },
]);
const provider = await insertProvider(sql, config, sandbox);
const service = buildInstance(config);
const events = new QueueEvents(QUEUE.statusSync, { connection: { url: redisUrl }, prefix });

beforeAll(async () => {
  await service.start({ listen: false });
  await events.waitUntilReady();
});

afterAll(async () => {
  await events.close();
  await service.close();
  await sandbox.close();
  await deletePrefix(redisUrl, prefix);
});

/** What the admin route will do: enqueue a forced sweep, wait for it, then for each of its batches. */
async function forcedSyncThroughQueue(): Promise<{ sweep: SweepResult; batches: SyncBatchResult[] }> {
  const job = await enqueue(service.producer, 'sync-sweep', { force: true });
  const sweep = (await job.waitUntilFinished(events, 15_000)) as SweepResult;
  const batches: SyncBatchResult[] = [];
  for (const id of sweep.batchJobIds) {
    const batch = await Job.fromId(service.queue(), id);
    if (!batch) throw new Error(`batch job ${id} missing`);
    batches.push((await batch.waitUntilFinished(events, 15_000)) as SyncBatchResult);
  }
  return { sweep, batches };
}

describe('order lifecycle against the sandbox', () => {
  it('syncs orders to completed, partial and canceled, refunding exactly once, ledger = balance', async () => {
    const userId = await insertUser(sql, '10.000000');
    const done = await placeOrder(sql, provider, userId, {
      link: 'https://ig.example/done',
      quantity: 1000,
      price: '1.200000',
    });
    const partial = await placeOrder(sql, provider, userId, {
      link: 'https://ig.example/partial',
      quantity: 1000,
      price: '0.333333',
    });
    const canceled = await placeOrder(sql, provider, userId, {
      link: 'https://ig.example/cancel',
      quantity: 500,
      price: '0.800000',
    });
    const all = [done, partial, canceled];

    // First sweep: everything still Pending at the provider.
    const first = await forcedSyncThroughQueue();
    expect(first.sweep).toMatchObject({ orders: 3, batches: 1 });
    expect(first.batches).toEqual([{ synced: 3, changed: 0, errors: [] }]);
    for (const o of all) {
      const row = await orderRow(sql, o.orderId);
      expect(row).toMatchObject({ status: 'processing', providerStatus: 'Pending', lastError: null });
      // Young orders are asked about again in a minute.
      expect(row.nextCheckInS).toBeGreaterThan(50);
      expect(row.nextCheckInS).toBeLessThanOrEqual(60);
    }
    // Not due for another minute: a normal sweep leaves them alone.
    expect(await service.run.sweep()).toMatchObject({ orders: 0, batches: 0 });

    // Delivery under way.
    now += 200_000;
    const second = await forcedSyncThroughQueue();
    expect(second.batches[0]).toMatchObject({ synced: 3, errors: [] });
    expect((await orderRow(sql, done.orderId)).status).toBe('in_progress');
    expect((await orderRow(sql, partial.orderId)).status).toBe('in_progress');
    // Canceled orders sit Pending at this sandbox until they flip.
    expect((await orderRow(sql, canceled.orderId)).status).toBe('processing');

    // Everything finished.
    now += 700_000;
    const third = await forcedSyncThroughQueue();
    expect(third.batches).toEqual([{ synced: 3, changed: 3, errors: [] }]);

    const d = await orderRow(sql, done.orderId);
    expect(d).toMatchObject({
      status: 'completed',
      providerStatus: 'Completed',
      remains: '0',
      nextCheckInS: null,
    });
    expect(d.completed).toBe(true);
    // What the provider charged us, exactly as it reported it.
    expect(d.providerCharge).toBe(sandbox.order(Number(done.providerOrderId))!.charge);
    expect(d.providerCurrency).toBe('USD');
    expect(await refundsOf(sql, done.orderId)).toEqual([]);

    const p = await orderRow(sql, partial.orderId);
    expect(p).toMatchObject({ status: 'partial', remains: '333', nextCheckInS: null });
    // 0.333333 × 333 / 1000 = 0.110999889 → rounded down.
    expect(await refundsOf(sql, partial.orderId)).toEqual([{ amount: '0.110999' }]);

    const c = await orderRow(sql, canceled.orderId);
    expect(c).toMatchObject({ status: 'canceled', providerStatus: 'Canceled', nextCheckInS: null });
    expect(await refundsOf(sql, canceled.orderId)).toEqual([{ amount: '0.800000' }]);

    // One activity row per status change, carrying the provider's reply for that order and no secret.
    const acts = await activityOf(sql, partial.orderId);
    const changes = acts.filter((a) => a.action === 'order.status_changed');
    expect(changes.map((a) => a.message)).toEqual([
      'status processing → in_progress (provider: "In progress")',
      'status in_progress → partial (provider: "Partial"); refund 0.110999 USD',
    ]);
    expect(changes[1]!.providerResponse).toMatchObject({ status: 'Partial', remains: '333' });
    expect(JSON.stringify(acts)).not.toContain('life-secret-key-123');

    // The same batch again (a retry, a replica): nothing to sync, nothing refunded twice.
    const callsBefore = sandbox.stats().requests.byAction.status ?? 0;
    const again = await service.run.batch({
      providerId: provider.providerId,
      orderIds: all.map((o) => o.orderId),
    });
    expect(again.synced).toBe(0);
    expect(again.errors).toHaveLength(3);
    expect(sandbox.stats().requests.byAction.status ?? 0).toBe(callsBefore);
    expect(await refundsOf(sql, partial.orderId)).toEqual([{ amount: '0.110999' }]);
    expect(await refundsOf(sql, canceled.orderId)).toEqual([{ amount: '0.800000' }]);

    // 10 − 1.2 − 0.333333 − 0.8 + 0.110999 + 0.8
    expect(await ledgerBalance(sql, userId)).toEqual({ balance: '8.577666', ledgerSum: '8.577666' });
  });

  it('two runs of one batch racing on the same finished orders refund each order once', async () => {
    const userId = await insertUser(sql, '5.000000');
    const orders = [
      await placeOrder(sql, provider, userId, {
        link: 'https://ig.example/partial-race',
        quantity: 1000,
        price: '1.000000',
      }),
      await placeOrder(sql, provider, userId, {
        link: 'https://ig.example/cancel-race',
        quantity: 1000,
        price: '2.000000',
      }),
    ];
    now += 700_000;
    const input = { providerId: provider.providerId, orderIds: orders.map((o) => o.orderId) };
    const [a, b] = await Promise.all([service.run.batch(input), service.run.batch(input)]);
    // Both may have asked the provider; only one wrote the change.
    expect(a.changed + b.changed).toBe(2);
    expect(await refundsOf(sql, orders[0]!.orderId)).toEqual([{ amount: '0.333000' }]);
    expect(await refundsOf(sql, orders[1]!.orderId)).toEqual([{ amount: '2.000000' }]);
    // 5 − 1 − 2 + 0.333 + 2
    expect(await ledgerBalance(sql, userId)).toEqual({ balance: '4.333000', ledgerSum: '4.333000' });
  });
});
