import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import {
  chargeAndCreateOrders,
  claimCancel,
  claimRefill,
  ledgerBalance,
  moveCancel,
  moveRefill,
  recordCancelRequest,
  recordRefillRequest,
  reviewStaleRequests,
} from '../src/index.ts';
import { insertCatalog, insertUser } from './fixtures.ts';

// A customer's cancel and refill requests attacked the way a careless client or a double-clicking
// customer sends them: ten at once for one order, and one for somebody else's order. The order's row
// lock (onOwnOrder) must let exactly one decide; money moves once or not at all.
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

// The forwarder's side of the same requests, attacked as a replica and a BullMQ retry would: the
// same claim ten times at once, the same move twice, a provider turned off, a stale send reviewed by
// two repair runs at once. Exactly one claim may win; each move writes its activity row once.
describe('sending requests, claimed and moved by racing workers', () => {
  const actions = async (orderId: string, like: string) =>
    (
      await sql<{ action: string }[]>`
        select action from activity_log where order_id = ${orderId} and action like ${like} order by created_at`
    ).map((r) => r.action);

  async function liveCancel(): Promise<{ userId: string; orderId: string }> {
    const userId = await insertUser(sql, '10.000000');
    const orderId = await order(userId);
    await sql`update orders set status = 'in_progress', provider_id = ${catalog.providerId},
                                provider_order_id = ${`p-${orderId}`} where id = ${orderId}`;
    expect(await recordCancelRequest(sql, { userId, orderId })).toEqual({ ok: true, kind: 'requested' });
    return { userId, orderId };
  }

  async function openRefill(): Promise<{ orderId: string; refillId: string }> {
    const userId = await insertUser(sql, '10.000000');
    const orderId = await order(userId);
    await sql`update orders set status = 'completed', provider_id = ${catalog.providerId},
                                provider_order_id = ${`p-${orderId}`} where id = ${orderId}`;
    const r = await recordRefillRequest(sql, { userId, orderId });
    if (!r.ok) throw new Error(r.refusal);
    return { orderId, refillId: r.refillId };
  }

  it('a cancel: one of ten claims wins, the moves write once, and no money moves', async () => {
    const { userId, orderId } = await liveCancel();
    const claims = await tenAtOnce(() => claimCancel(sql, orderId));
    const won = claims.filter((c) => c?.claimed);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ state: 'pending', orderStatus: 'in_progress', orderId, userId });
    expect(claims.filter((c) => !c?.claimed).map((c) => c?.state)).toEqual(Array(9).fill('submitting'));

    await Promise.all([1, 2].map(() => moveCancel(sql, orderId, 'submitting', { to: 'sent' }, won[0]!, {})));
    const [o] = await sql`select status, cancel_status from orders where id = ${orderId}`;
    expect(o).toEqual({ status: 'in_progress', cancel_status: 'sent' });
    expect(await actions(orderId, '%cancel%')).toEqual(['order.cancel_requested', 'order.cancel_sent']);
    expect(await claimCancel(sql, orderId)).toMatchObject({ claimed: false, state: 'sent' });
    expect(await sql`select 1 from ledger where order_id = ${orderId} and kind = 'refund'`).toHaveLength(0);
    expect(await ledgerBalance(sql, userId)).toEqual({ balance: '7.500000', ledgerSum: '7.500000' });
  });

  it('a refill: one of ten claims wins, and a refill at a provider an admin turned off is not claimed', async () => {
    const { orderId, refillId } = await openRefill();
    const claims = await tenAtOnce(() => claimRefill(sql, refillId));
    expect(claims.filter((c) => c?.claimed)).toHaveLength(1);
    expect(claims.filter((c) => !c?.claimed).map((c) => c?.state)).toEqual(Array(9).fill('submitting'));
    const claim = claims.find((c) => c?.claimed)!;
    expect(claim).toMatchObject({ state: 'pending', orderStatus: 'completed', orderId });
    await Promise.all(
      [1, 2].map(() =>
        moveRefill(sql, refillId, 'submitting', { status: 'processing', providerRefillId: 'r-1' }, claim, {}),
      ),
    );
    const [r] = await sql`select status, provider_refill_id from refills where id = ${refillId}`;
    expect(r).toEqual({ status: 'processing', provider_refill_id: 'r-1' });
    expect(await actions(orderId, 'refill.%')).toEqual(['refill.requested', 'refill.processing']);

    const other = await openRefill();
    await sql`update api_providers set status = 'inactive' where id = ${catalog.providerId}`;
    try {
      expect(await claimRefill(sql, other.refillId)).toMatchObject({ claimed: false, state: 'pending' });
      const [still] = await sql`select status from refills where id = ${other.refillId}`;
      expect(still).toEqual({ status: 'pending' });
    } finally {
      await sql`update api_providers set status = 'active' where id = ${catalog.providerId}`;
    }
  });

  it('a send that went stale: two repair runs at once move each request to review once, never back', async () => {
    const cancel = await liveCancel();
    const refill = await openRefill();
    const [c] = await Promise.all([claimCancel(sql, cancel.orderId), claimRefill(sql, refill.refillId)]);
    expect(c?.claimed).toBe(true);
    await sql`update orders set updated_at = now() - interval '1 hour' where id = ${cancel.orderId}`;
    await sql`update refills set updated_at = now() - interval '1 hour' where id = ${refill.refillId}`;

    const [cancels, refills] = await Promise.all([
      Promise.all([1, 2].map(() => reviewStaleRequests(sql, 'cancel', 60_000, 100))),
      Promise.all([1, 2].map(() => reviewStaleRequests(sql, 'refill', 60_000, 100))),
    ]);
    expect(cancels.reduce((a, b) => a + b, 0)).toBe(1);
    expect(refills.reduce((a, b) => a + b, 0)).toBe(1);
    const [o] = await sql`select cancel_status from orders where id = ${cancel.orderId}`;
    expect(o).toEqual({ cancel_status: 'needs_review' });
    const [r] = await sql`select status from refills where id = ${refill.refillId}`;
    expect(r).toEqual({ status: 'needs_review' });
    expect(await actions(cancel.orderId, '%cancel%needs_review%')).toHaveLength(1);
    expect(await actions(refill.orderId, 'refill.needs_review')).toHaveLength(1);
    expect(await claimCancel(sql, cancel.orderId)).toMatchObject({ claimed: false, state: 'needs_review' });
  });
});
