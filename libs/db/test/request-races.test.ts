import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import {
  chargeAndCreateOrders,
  ledgerBalance,
  recordCancelRequest,
  recordRefillRequest,
} from '../src/index.ts';
import { insertCatalog, insertUser } from './fixtures.ts';

// A customer's cancel and refill requests attacked the way a careless client or a double-clicking
// customer sends them: ten at once for one order, and one for somebody else's order. The order's row
// lock (lockOwnOrder) must let exactly one decide; money moves once or not at all.
const t = await useTestDatabase();
const { sql } = t;
const catalog = await insertCatalog(sql);
await sql`update services set cancel = true, refill = true where id = ${catalog.serviceId}`;

async function order(userId: string, price = '2.500000'): Promise<string> {
  const orderId = newId('order');
  const res = await chargeAndCreateOrders(sql, {
    userId,
    currency: 'BDT',
    total: price,
    actorId: userId,
    lines: [
      {
        orderId,
        ...catalog,
        link: 'https://instagram.com/race',
        quantity: 100,
        price,
        bdtPrice: price,
        usdPrice: '0.020000',
      },
    ],
  });
  expect(res).not.toBeNull();
  return orderId;
}

const tenAtOnce = <T>(f: () => Promise<T>) => Promise.all(Array.from({ length: 10 }, f));

describe('customer requests sent ten at once', () => {
  it('cancel of a pending order: one cancels and refunds in full, nine are refused, one refund row', async () => {
    const userId = await insertUser(sql, '10.000000');
    const orderId = await order(userId);
    const results = await tenAtOnce(() => recordCancelRequest(sql, { userId, orderId }));
    expect(results.filter((r) => r.ok)).toEqual([
      { ok: true, kind: 'canceled', refunded: '2.500000', currency: 'BDT' },
    ]);
    expect(results.filter((r) => !r.ok)).toEqual(Array(9).fill({ ok: false, refusal: 'finished' }));
    const refunds =
      await sql`select amount::text from ledger where order_id = ${orderId} and kind = 'refund'`;
    expect(refunds.map((r) => r.amount)).toEqual(['2.500000']);
    expect(await ledgerBalance(sql, userId)).toEqual({ balance: '10.000000', ledgerSum: '10.000000' });
  });

  it('cancel of an order live at the provider: one request, nine told it is already requested, no money moves', async () => {
    const userId = await insertUser(sql, '10.000000');
    const orderId = await order(userId);
    await sql`update orders set status = 'in_progress', provider_id = ${catalog.providerId},
                                provider_order_id = 'p-live' where id = ${orderId}`;
    const results = await tenAtOnce(() => recordCancelRequest(sql, { userId, orderId }));
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, kind: 'requested' }]);
    expect(results.filter((r) => !r.ok)).toEqual(Array(9).fill({ ok: false, refusal: 'requested' }));
    const [o] = await sql`select status, cancel_status from orders where id = ${orderId}`;
    expect(o).toEqual({ status: 'in_progress', cancel_status: 'pending' });
    expect(await sql`select 1 from ledger where order_id = ${orderId} and kind = 'refund'`).toHaveLength(0);
    expect(await ledgerBalance(sql, userId)).toEqual({ balance: '7.500000', ledgerSum: '7.500000' });
  });

  it('refill of a completed order: one refill row, nine told one is open', async () => {
    const userId = await insertUser(sql, '10.000000');
    const orderId = await order(userId);
    await sql`update orders set status = 'completed', provider_id = ${catalog.providerId},
                                provider_order_id = 'p-done' where id = ${orderId}`;
    const results = await tenAtOnce(() => recordRefillRequest(sql, { userId, orderId }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(9).fill({ ok: false, refusal: 'open' }));
    expect(await sql`select 1 from refills where order_id = ${orderId}`).toHaveLength(1);
  });

  it("somebody else's order: not found for both requests, nothing written", async () => {
    const owner = await insertUser(sql, '10.000000');
    const stranger = await insertUser(sql, '10.000000');
    const orderId = await order(owner);
    expect(await recordCancelRequest(sql, { userId: stranger, orderId })).toEqual({
      ok: false,
      refusal: 'notFound',
    });
    await sql`update orders set status = 'completed', provider_order_id = 'p-x' where id = ${orderId}`;
    expect(await recordRefillRequest(sql, { userId: stranger, orderId })).toEqual({
      ok: false,
      refusal: 'notFound',
    });
    expect(await sql`select 1 from refills where order_id = ${orderId}`).toHaveLength(0);
    expect(await sql`select 1 from ledger where order_id = ${orderId} and kind = 'refund'`).toHaveLength(0);
    expect(
      await sql`select action from activity_log where order_id = ${orderId} and action <> 'order.created'`,
    ).toHaveLength(0);
  });
});
