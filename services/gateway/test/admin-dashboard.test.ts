import { refundOrder } from '@smm/db';
import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
const { app } = await startGateway(t, { LOW_BALANCE_USD: '20', DASHBOARD_TIME_ZONE: 'Asia/Dhaka' });
const c = await seedCatalog(sql);
const adminId = await seedUser(sql, { role: 'admin' });
const admin = bearer(app.issueToken({ id: adminId, role: 'admin' }));
const userId = await seedUser(sql, { balance: '1000' });
const user = bearer(app.issueToken({ id: userId, role: 'user' }));

/** An order of 1000 IG followers: 100 BDT to this BDT customer, 0.90 USD at the order's USD price. */
async function order(link: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: user,
    payload: { categoryId: c.catA, serviceId: c.auto, link, qty: 1000 },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().orderIds[0];
}
const dhakaMidnight = sql`(date_trunc('day', now() at time zone 'Asia/Dhaka') at time zone 'Asia/Dhaka')`;

describe('GET /api/admin/dashboard', () => {
  it('sums today and the last 7 days in USD, as days begin in Dhaka: revenue less refunds, provider cost, profit', async () => {
    const a = await order('https://instagram.com/a');
    await sql`update orders set provider_charge = 0.5 where id = ${a}`;
    // Canceled before it was sent: refunded in full, so it earned nothing.
    const b = await order('https://instagram.com/b');
    const cancel = await app.inject({ method: 'POST', url: `/api/user/orders/${b}/cancel`, headers: user });
    expect(cancel.statusCode, cancel.body).toBe(200);
    // Three days ago, 40 of its 100 BDT refunded (a partial): 0.90 × 60 / 100 = 0.54 USD earned.
    const older = await order('https://instagram.com/c');
    await sql`update orders set created_at = now() - interval '3 days', provider_charge = 0.2 where id = ${older}`;
    await refundOrder(sql, { orderId: older, amount: '40', note: 'partial' });
    // A minute before today began in Dhaka: in the week, not in today (whatever the server's zone).
    const lastNight = await order('https://instagram.com/e');
    await sql`update orders set created_at = ${dhakaMidnight} - interval '1 minute' where id = ${lastNight}`;
    const tooOld = await order('https://instagram.com/d');
    await sql`update orders set created_at = now() - interval '10 days', provider_charge = 9 where id = ${tooOld}`;

    const res = await app.inject({ method: 'GET', url: '/api/admin/dashboard', headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.timeZone).toBe('Asia/Dhaka');
    expect(d.today).toEqual({
      orders: 2,
      revenueUSD: '0.900000',
      providerCostUSD: '0.500000',
      profitUSD: '0.400000',
      ordersWithoutCost: 1,
    });
    expect(d.last7Days).toEqual({
      orders: 4,
      revenueUSD: '2.340000',
      providerCostUSD: '0.700000',
      profitUSD: '0.740000',
      ordersWithoutCost: 2,
    });
  });

  it('counts what waits for an admin, warns on low provider balances, and shows queues and sync lag', async () => {
    const o = await order('https://instagram.com/review');
    await sql`update orders set status = 'needs_review' where id = ${o}`;
    const method = newId('paymentMethod');
    await sql`insert into payment_methods (id, name, kind, currency, account, min_amount, max_amount)
              values (${method}, 'bKash', 'mobile_wallet', 'BDT', '017', 1, 1000)`;
    await sql`insert into deposits (id, user_id, method_id, amount, currency, fee_percent, transaction_id)
              values (${newId('deposit')}, ${userId}, ${method}, 500, 'BDT', 0, 'DASH1234')`;
    await sql`update api_providers set last_balance = 5, last_balance_currency = 'USD', last_balance_at = now()
              where id = ${c.providerId}`;
    const bdtProvider = newId('provider');
    await sql`insert into api_providers (id, name, api_url, api_key_enc, last_balance, last_balance_currency)
              values (${bdtProvider}, 'Q (BDT)', 'https://q.example', 'x', 100, 'BDT')`;

    const d = (await app.inject({ method: 'GET', url: '/api/admin/dashboard', headers: admin })).json();
    expect(d.needsReview).toBe(1);
    expect(d.pendingDeposits).toBe(1);
    expect(d.lowBalanceUSD).toBe('20.000000');
    const byName = Object.fromEntries((d.providers as { name: string }[]).map((p) => [p.name, p]));
    expect(byName.P).toMatchObject({
      balance: '5.000000',
      currency: 'USD',
      balanceUSD: '5.000000',
      low: true,
    });
    // A BDT balance with no rate to USD set: its USD value is unknown, so no warning is guessed.
    expect(byName['Q (BDT)']).toMatchObject({
      balance: '100.000000',
      currency: 'BDT',
      balanceUSD: null,
      low: false,
    });
    expect((d.queues as { name: string }[]).map((q) => q.name).sort()).toEqual([
      'order-forward',
      'status-sync',
    ]);
    const forward = (d.queues as { name: string; waiting: number }[]).find(
      (q) => q.name === 'order-forward',
    )!;
    // Each of the 6 orders placed in this file left a forward job waiting (no forwarder runs here).
    expect(forward).toMatchObject({ waiting: 6, active: 0, failed: 0 });
    expect(d.sync).toEqual({ lagSeconds: 0, dueOrders: 0, liveOrders: 0 });

    expect((await app.inject({ method: 'GET', url: '/api/admin/dashboard', headers: user })).statusCode).toBe(
      403,
    );
  });
});
