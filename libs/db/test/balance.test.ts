import { addMoney, newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import {
  adjustBalance,
  chargeAndCreateOrders,
  ledgerBalance,
  refundedAmount,
  refundOrder,
} from '../src/index.ts';
import { insertCatalog, insertUser } from './fixtures.ts';

const t = await useTestDatabase();
const { sql } = t;
const catalog = await insertCatalog(sql);

function line(price: string) {
  return {
    orderId: newId('order'),
    serviceId: catalog.serviceId,
    categoryId: catalog.categoryId,
    providerId: catalog.providerId,
    link: 'https://instagram.com/someone',
    quantity: 100,
    price,
    bdtPrice: price,
    usdPrice: '0.010000',
  };
}

async function count(table: string, userId: string): Promise<number> {
  const [r] = await sql<
    { n: number }[]
  >`select count(*)::int as n from ${sql(table)} where user_id = ${userId}`;
  return r!.n;
}

describe('chargeAndCreateOrders', () => {
  it('debits, writes the order, the ledger row and the activity row together', async () => {
    const u = await insertUser(sql, '10.000000');
    const l = line('2.500000');
    const res = await chargeAndCreateOrders(sql, {
      userId: u,
      currency: 'BDT',
      total: l.price,
      lines: [l],
      actorId: u,
    });
    const [o] =
      await sql`select status, price::text, user_id, number::int from orders where id = ${l.orderId}`;
    expect(o).toMatchObject({ status: 'pending', price: '2.500000', user_id: u });
    expect(res).toEqual({ balanceAfter: '7.500000', numbers: { [l.orderId]: o!.number } });
    expect(o!.number).toBeGreaterThanOrEqual(1000);
    const [led] =
      await sql`select kind, amount::text, balance_after::text from ledger where order_id = ${l.orderId}`;
    expect(led).toMatchObject({ kind: 'charge', amount: '-2.500000', balance_after: '7.500000' });
    expect(await count('activity_log', u)).toBe(1);
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '7.500000', ledgerSum: '7.500000' });
  });

  it('writes nothing at all on insufficient funds', async () => {
    const u = await insertUser(sql, '1.000000');
    const res = await chargeAndCreateOrders(sql, {
      userId: u,
      currency: 'BDT',
      total: '1.000001',
      lines: [line('1.000001')],
      actorId: u,
    });
    expect(res).toBeNull();
    expect(await count('orders', u)).toBe(0);
    expect(await count('activity_log', u)).toBe(0);
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '1.000000', ledgerSum: '1.000000' });
  });

  it('charges a mass order once with a running balance per ledger row', async () => {
    const u = await insertUser(sql, '10.000000');
    const lines = [line('1.000000'), line('2.000000'), line('3.000000')];
    const res = await chargeAndCreateOrders(sql, {
      userId: u,
      currency: 'BDT',
      total: addMoney(...lines.map((l) => l.price)),
      lines,
      actorId: u,
    });
    // Each line's order has its own number, handed out in line order.
    const numbered = await sql<{ id: string; number: number }[]>`
      select id, number::int from orders where id = any(${lines.map((x) => x.orderId)}) order by number`;
    expect(numbered.map((r) => r.id)).toEqual(lines.map((x) => x.orderId));
    expect(res).toEqual({
      balanceAfter: '4.000000',
      numbers: Object.fromEntries(numbered.map((r) => [r.id, r.number])),
    });
    const rows = await sql<{ order_id: string; balance_after: string }[]>`
      select order_id, balance_after::text from ledger where user_id = ${u} and kind = 'charge'`;
    const after = Object.fromEntries(rows.map((r) => [r.order_id, r.balance_after]));
    expect(after[lines[0]!.orderId]).toBe('9.000000');
    expect(after[lines[1]!.orderId]).toBe('7.000000');
    expect(after[lines[2]!.orderId]).toBe('4.000000');
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '4.000000', ledgerSum: '4.000000' });
  });

  it('50 concurrent debits on one balance: exactly the affordable number succeed', async () => {
    // 17 × 3 = 51 > 50, so exactly 16 orders of 3.000000 fit in 50, leaving 2.000000.
    const u = await insertUser(sql, '50.000000');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => {
        const l = line('3.000000');
        return chargeAndCreateOrders(sql, {
          userId: u,
          currency: 'BDT',
          total: l.price,
          lines: [l],
          actorId: u,
        });
      }),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(16);
    expect(await count('orders', u)).toBe(16);
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '2.000000', ledgerSum: '2.000000' });
    // Every balanceAfter is distinct: no two debits saw the same balance.
    const after = await sql<
      { b: string }[]
    >`select balance_after::text as b from ledger where user_id = ${u} and kind = 'charge'`;
    expect(new Set(after.map((a) => a.b)).size).toBe(16);
  });
});

describe('refundOrder', () => {
  async function chargedOrder(balance: string, price: string) {
    const u = await insertUser(sql, balance);
    const l = line(price);
    await chargeAndCreateOrders(sql, { userId: u, currency: 'BDT', total: price, lines: [l], actorId: u });
    return { userId: u, orderId: l.orderId };
  }

  it('refunds once; a second refund of the same order changes nothing', async () => {
    const { userId, orderId } = await chargedOrder('10.000000', '4.000000');
    const first = await refundOrder(sql, { orderId, amount: '1.500000', note: 'partial' });
    expect(first).toEqual({ applied: true, balanceAfter: '7.500000' });
    const second = await refundOrder(sql, { orderId, amount: '1.500000', note: 'partial again' });
    expect(second).toEqual({ applied: false, balanceAfter: null });
    expect(await refundedAmount(sql, orderId)).toBe('1.500000');
    expect(await ledgerBalance(sql, userId)).toEqual({ balance: '7.500000', ledgerSum: '7.500000' });
  });

  it('20 concurrent refunds of one order apply exactly once', async () => {
    const { userId, orderId } = await chargedOrder('10.000000', '4.000000');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => refundOrder(sql, { orderId, amount: '4.000000', note: 'cancel' })),
    );
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(await ledgerBalance(sql, userId)).toEqual({ balance: '10.000000', ledgerSum: '10.000000' });
  });

  it('concurrent refunds of different orders of one user keep balanceAfter exact', async () => {
    const u = await insertUser(sql, '100.000000');
    const lines = Array.from({ length: 10 }, () => line('5.000000'));
    await chargeAndCreateOrders(sql, { userId: u, currency: 'BDT', total: '50.000000', lines, actorId: u });
    await Promise.all(
      lines.map((l) => refundOrder(sql, { orderId: l.orderId, amount: '5.000000', note: 'c' })),
    );
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '100.000000', ledgerSum: '100.000000' });
    const after = await sql<{ b: string }[]>`
      select balance_after::text as b from ledger where user_id = ${u} and kind = 'refund' order by balance_after`;
    expect(after.map((a) => a.b)).toEqual(Array.from({ length: 10 }, (_, i) => `${55 + i * 5}.000000`));
  });
});

describe('adjustBalance', () => {
  it('adds and removes funds with a ledger row, never below zero', async () => {
    const u = await insertUser(sql, '5.000000');
    expect(await adjustBalance(sql, { userId: u, amount: '2.5', kind: 'deposit', note: 'top-up' })).toEqual({
      balanceAfter: '7.500000',
    });
    expect(
      await adjustBalance(sql, { userId: u, amount: '-7.500001', kind: 'adjustment', note: 'x' }),
    ).toBeNull();
    expect(await adjustBalance(sql, { userId: u, amount: '-7.5', kind: 'adjustment', note: 'x' })).toEqual({
      balanceAfter: '0.000000',
    });
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '0.000000', ledgerSum: '0.000000' });
  });
});

describe('chargeAndCreateOrders pricing guard', () => {
  it('refuses, writing nothing, when the user currency or dollar rate is not the one priced with', async () => {
    const u = await insertUser(sql, '10.000000');
    await sql`update users set dollar_rate = '121' where id = ${u}`;
    const l = line('1.000000');
    const stale = await chargeAndCreateOrders(sql, {
      userId: u,
      currency: 'BDT',
      dollarRate: '120',
      total: l.price,
      lines: [l],
      actorId: u,
    });
    expect(stale).toBeNull();
    const wrongCurrency = await chargeAndCreateOrders(sql, {
      userId: u,
      currency: 'USD',
      total: l.price,
      lines: [l],
      actorId: u,
    });
    expect(wrongCurrency).toBeNull();
    expect(await count('orders', u)).toBe(0);
    const fresh = await chargeAndCreateOrders(sql, {
      userId: u,
      currency: 'BDT',
      dollarRate: '121.000000',
      total: l.price,
      lines: [l],
      actorId: u,
    });
    expect(fresh).toEqual({ balanceAfter: '9.000000', numbers: { [l.orderId]: expect.any(Number) } });
  });
});
