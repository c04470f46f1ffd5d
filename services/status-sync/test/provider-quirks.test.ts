import { ledgerBalance } from '@smm/db';
import { type Quirk, type RunningSandbox, startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  activityOf,
  buildInstance,
  chargeOrder,
  insertProvider,
  insertUser,
  orderRow,
  placeOrder,
  refundsOf,
  type TestProvider,
  testConfig,
} from './helpers.ts';

// architecture.md#provider-api: every reply shape a real provider sends, through the real client and the real sync.
const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-quirks');
const config = testConfig(t.url, redisUrl, prefix);

// Orders reach their final status at once unless an outcome rule says otherwise.
const sandbox: RunningSandbox = await startSandbox({ durationMs: 0 });
sandbox.setOutcomes([
  { match: { linkIncludes: 'partial' }, status: 'Partial', remains: 400 },
  { match: { linkIncludes: 'cancel' }, status: 'Canceled' },
  { match: { linkIncludes: 'running' }, status: 'In progress' },
]);
const provider: TestProvider = await insertProvider(sql, config, sandbox);
const service = buildInstance(config);
const userId = await insertUser(sql, '100.000000');

afterEach(() => sandbox.clearFaults());
afterAll(async () => {
  await service.close();
  await sandbox.close();
  await deletePrefix(redisUrl, prefix);
});

function withQuirks(...quirks: Quirk[]) {
  sandbox.setFaults({ match: { action: 'status' }, quirks });
}

const place = (link: string, price = '1.000000') =>
  placeOrder(sql, provider, userId, { link: `https://ig.example/${link}`, quantity: 1000, price });

const sync = (...orderIds: string[]) => service.run.batch({ providerId: provider.providerId, orderIds });

describe('provider quirks through the client and the sync', () => {
  it('reads "Cancelled", numbers as numbers, string ids and list-shaped multi replies', async () => {
    withQuirks('cancelled-spelling', 'numbers', 'string-ids', 'multi-status-list');
    const canceled = await place('cancel-1', '2.500000');
    const done = await place('done-1');
    const res = await sync(canceled.orderId, done.orderId);
    expect(res).toEqual({ synced: 2, changed: 2, errors: [] });
    expect(await orderRow(sql, canceled.orderId)).toMatchObject({
      status: 'canceled',
      providerStatus: 'Cancelled',
    });
    expect(await refundsOf(sql, canceled.orderId)).toEqual([{ amount: '2.500000' }]);
    expect(await orderRow(sql, done.orderId)).toMatchObject({ status: 'completed', remains: '0' });
  });

  it('maps lower-case words; "processing" for an order in progress stays processing', async () => {
    withQuirks('lowercase-status');
    const running = await place('running-1');
    const done = await place('done-2');
    await sync(running.orderId, done.orderId);
    expect(await orderRow(sql, running.orderId)).toMatchObject({
      status: 'processing',
      providerStatus: 'processing',
    });
    expect(await orderRow(sql, done.orderId)).toMatchObject({
      status: 'completed',
      providerStatus: 'completed',
    });
  });

  it('a partial with remains "Unknown" is not refunded automatically and waits for an admin to settle it', async () => {
    withQuirks('unknown-remains');
    const p = await place('partial-unknown', '3.000000');
    const res = await sync(p.orderId);
    expect(res).toMatchObject({ synced: 1, changed: 1 });
    const row = await orderRow(sql, p.orderId);
    // Not terminal yet: the provider finished it, but only an admin may say how much comes back.
    expect(row).toMatchObject({ status: 'needs_review', remains: null, nextCheckInS: null });
    expect(row.lastError).toMatch(/Partial without readable remains.*settle the refund/);
    const [kind] = await sql`select review_kind from orders where id = ${p.orderId}`;
    expect(kind?.review_kind).toBe('settle_refund');
    expect(await refundsOf(sql, p.orderId)).toEqual([]);
    const [change] = (await activityOf(sql, p.orderId)).filter((a) => a.action === 'order.needs_review');
    expect(change!.message).toContain('no automatic refund');
    expect(change!.providerResponse).toMatchObject({ status: 'Partial', remains: 'Unknown' });
  });

  it('a completed order with negative remains (over-delivery) refunds nothing', async () => {
    withQuirks('negative-remains');
    const o = await place('done-over');
    await sync(o.orderId);
    expect(await orderRow(sql, o.orderId)).toMatchObject({ status: 'completed', remains: '-10' });
    expect(await refundsOf(sql, o.orderId)).toEqual([]);
  });

  it('a partial with negative remains refunds nothing; remains above quantity refund the whole price', async () => {
    sandbox.setOutcomes([
      { match: { linkIncludes: 'neg-partial' }, status: 'Partial', remains: -5 },
      { match: { linkIncludes: 'over-partial' }, status: 'Partial', remains: 5000 },
    ]);
    try {
      const neg = await place('neg-partial');
      const over = await place('over-partial', '0.700000');
      await sync(neg.orderId, over.orderId);
      expect(await orderRow(sql, neg.orderId)).toMatchObject({ status: 'partial', remains: '-5' });
      expect(await refundsOf(sql, neg.orderId)).toEqual([]);
      expect(await orderRow(sql, over.orderId)).toMatchObject({ status: 'partial', remains: '5000' });
      expect(await refundsOf(sql, over.orderId)).toEqual([{ amount: '0.700000' }]);
    } finally {
      sandbox.setOutcomes([
        { match: { linkIncludes: 'partial' }, status: 'Partial', remains: 400 },
        { match: { linkIncludes: 'cancel' }, status: 'Canceled' },
        { match: { linkIncludes: 'running' }, status: 'In progress' },
      ]);
    }
  });

  for (const shape of ['keyed {"error"} entries', 'bare-string entries'] as const) {
    it(`records a per-order error (${shape}) on that order only and backs it off`, async () => {
      if (shape === 'bare-string entries') withQuirks('bare-string-errors');
      const good = await place(`done-${shape.length}`);
      const lostId = await chargeOrder(sql, provider, userId, {
        link: 'https://ig.example/lost',
        quantity: 1000,
        price: '1.000000',
      });
      // An id this provider never issued (one per case: a provider order id belongs to one order).
      await sql`update orders set status = 'in_progress', provider_order_id = ${String(987654321 + shape.length)},
                                  submitted_at = now()
                where id = ${lostId}`;
      const res = await sync(good.orderId, lostId);
      expect(res).toEqual({
        synced: 1,
        changed: 1,
        errors: [{ orderId: lostId, message: 'provider: Incorrect order ID' }],
      });
      const lost = await orderRow(sql, lostId);
      expect(lost).toMatchObject({
        status: 'in_progress',
        lastError: 'provider: Incorrect order ID',
        unchangedChecks: 1,
      });
      // Not every minute: at least ten.
      expect(lost.nextCheckInS).toBeGreaterThan(590);
      expect(await orderRow(sql, good.orderId)).toMatchObject({ status: 'completed', lastError: null });
    });
  }

  it('keeps Σ ledger = balance through all of the above', async () => {
    const check = await ledgerBalance(sql, userId);
    expect(check.balance).toBe(check.ledgerSum);
  });
});
