import { addMoney, newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY,
  type BatchWrites,
  chargeAndCreateOrders,
  ledgerBalance,
  type RowUpdate,
  writeBatch,
} from '../src/index.ts';
import { insertCatalog, insertUser } from './fixtures.ts';

// A sync batch's refunds and activity row go to Postgres together on the transaction's connection
// (sync-writes.ts). Attacked as a replica or a retried job would: the same batch twice at once, many
// refunds to one customer, and a refund that fails half-way through the batch.
const t = await useTestDatabase();
const { sql } = t;
const catalog = await insertCatalog(sql);

/** Orders of `userId` at 1.000000 each, moved to in_progress at the provider as the forwarder would. */
async function liveOrders(userId: string, n: number): Promise<string[]> {
  const lines = Array.from({ length: n }, (_, i) => ({
    orderId: newId('order'),
    serviceId: catalog.serviceId,
    categoryId: catalog.categoryId,
    providerId: catalog.providerId,
    link: `https://instagram.com/batch-${i}`,
    quantity: 100,
    price: '1.000000',
    bdtPrice: '1.000000',
    usdPrice: '0.010000',
  }));
  const res = await chargeAndCreateOrders(sql, {
    userId,
    currency: 'BDT',
    total: `${n}.000000`,
    lines,
    actorId: userId,
  });
  expect(res).not.toBeNull();
  for (const l of lines) {
    await sql`update orders set status = 'in_progress', provider_order_id = ${`p-${l.orderId}`}
              where id = ${l.orderId}`;
  }
  return lines.map((l) => l.orderId);
}

function row(id: string, status: 'partial' | 'canceled' | 'completed'): RowUpdate {
  return {
    id,
    expected: 'in_progress',
    status,
    ok: true,
    providerStatus: status === 'partial' ? 'Partial' : status === 'canceled' ? 'Canceled' : 'Completed',
    startCount: '10',
    remains: status === 'completed' ? '0' : status === 'partial' ? '40' : '100',
    charge: null,
    currency: null,
    nextInMs: null,
    unchanged: 0,
    syncErrors: 0,
    reviewKind: null,
    lastError: null,
    terminal: true,
  };
}

/** Partial (0.4 back) and canceled (1.0 back) orders of one user, and one completed. */
function plan(userId: string, ids: string[], amounts: string[]): BatchWrites {
  const statuses = ['partial', 'canceled', 'partial', 'completed'] as const;
  return {
    rows: ids.map((id, i) => row(id, statuses[i % 4]!)),
    refunds: ids
      .map((id, i) => ({ id, i, s: statuses[i % 4]! }))
      .filter((x) => x.s !== 'completed')
      .map((x) => ({
        orderId: x.id,
        userId,
        kind: x.s as 'partial' | 'canceled',
        amount: amounts[x.i]!,
        note: `refund ${x.i}`,
      })),
    activity: ids.map((id, i) => ({
      orderId: id,
      userId,
      providerOrderId: `p-${id}`,
      from: 'in_progress' as const,
      to: statuses[i % 4]!,
      message: `in_progress → ${statuses[i % 4]}`,
      reply: { status: statuses[i % 4] },
    })),
    errors: [],
  };
}

async function ledgerOf(userId: string) {
  return sql<{ order_id: string | null; kind: string; amount: string; balance_after: string }[]>`
    select order_id, kind, amount::text, balance_after::text from ledger
    where user_id = ${userId} order by created_at, id`;
}

describe('a sync batch write (refunds and activity sent together)', () => {
  it('the same batch run twice at once refunds each order once, and every balance_after is exact', async () => {
    const u = await insertUser(sql, '10.000000');
    const ids = await liveOrders(u, 8);
    const amounts = ids.map((_, i) => (i % 4 === 1 ? '1.000000' : '0.400000'));
    const p = plan(u, ids, amounts);
    const [a, b] = await Promise.all([
      writeBatch(sql, catalog.providerId, p),
      writeBatch(sql, catalog.providerId, p),
    ]);
    // One of the two wrote every order; the other found them terminal and wrote nothing.
    expect([a.applied.size, b.applied.size].sort()).toEqual([0, 8]);
    expect(a.refunds.length + b.refunds.length).toBe(6);

    const refunds = (await ledgerOf(u)).filter((l) => l.kind === 'refund');
    expect(refunds).toHaveLength(6);
    expect(new Set(refunds.map((r) => r.order_id)).size).toBe(6);
    // Balance: 10 − 8 charged + 4 × 0.4 + 2 × 1.0 = 5.6, and each refund row's balance_after is the
    // one before it plus its amount (the refunds ran one after another, not on a stale balance).
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '5.600000', ledgerSum: '5.600000' });
    const all = await ledgerOf(u);
    for (let i = 1; i < all.length; i++) {
      expect(all[i]!.balance_after, `ledger row ${i}`).toBe(
        addMoney(all[i - 1]!.balance_after, all[i]!.amount),
      );
    }
    const [act] = await sql<{ n: number }[]>`
      select count(*)::int as n from activity_log
      where order_id = any(${ids}) and action = ${ACTIVITY.orderStatusChanged}`;
    expect(act!.n).toBe(8);
  });

  it('a refund that fails half-way undoes the whole batch: no status, no money, no activity', async () => {
    const u = await insertUser(sql, '10.000000');
    const ids = await liveOrders(u, 4);
    // The third refund is negative: the ledger's check refuses it after two refunds already ran.
    const p = plan(u, ids, ['0.400000', '1.000000', '-0.400000', '0']);
    const before = await ledgerOf(u);
    const [actBefore] = await sql<{ n: number }[]>`
      select count(*)::int as n from activity_log where order_id = any(${ids})`;
    await expect(writeBatch(sql, catalog.providerId, p)).rejects.toThrow(/ledger_refund_positive/);

    const statuses = await sql<{ status: string }[]>`select status from orders where id = any(${ids})`;
    expect(statuses.map((s) => s.status)).toEqual([
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
    ]);
    expect(await ledgerOf(u)).toEqual(before);
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '6.000000', ledgerSum: '6.000000' });
    const [actAfter] = await sql<{ n: number }[]>`
      select count(*)::int as n from activity_log where order_id = any(${ids})`;
    expect(actAfter!.n).toBe(actBefore!.n);

    // Sent again with the right amounts, the batch writes as if the failure never happened.
    const fixed = await writeBatch(
      sql,
      catalog.providerId,
      plan(u, ids, ['0.400000', '1.000000', '0.400000', '0']),
    );
    expect(fixed.applied.size).toBe(4);
    expect(fixed.refunds).toHaveLength(3);
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '7.800000', ledgerSum: '7.800000' });
  });
});
