import { ledgerBalance } from '@smm/db';
import { newId } from '@smm/domain';
import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { insertSandboxProvider, ledgerOf, orderIn, sessions } from './admin-fixtures.ts';
import { bearer, counts, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
const { app, deps } = await startGateway(t);
const sandbox = await startSandbox();
afterAll(() => sandbox.close());
const s = await sessions(app, sql);
const c = await insertSandboxProvider(sql, deps.secretBox, sandbox);
const admin = bearer(s.admin);

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });

async function balanced(userId: string) {
  const l = await ledgerBalance(sql, userId);
  expect(l.balance).toBe(l.ledgerSum);
  return l.balance;
}

describe('manual orders', () => {
  it('charges the user like any order, marks it manual, names the admin, and queues nothing', async () => {
    const userId = await seedUser(sql, { balance: '500' });
    const res = await call('POST', '/api/admin/orders/manual', {
      userId,
      serviceId: c.autoServiceId,
      link: 'https://instagram.com/manual',
      quantity: 1000,
      adminNotes: 'VIP, deliver by hand',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ success: true, totalCost: '100.000000', currency: 'BDT' });
    expect(await balanced(userId)).toBe('400.000000');

    const detail = (await call('GET', `/api/admin/orders/${body.orderId}`)).json();
    expect(detail.order).toMatchObject({
      isManual: true,
      status: 'pending',
      userId,
      adminNotes: 'VIP, deliver by hand',
      price: '100.000000',
      refunded: '0.000000',
    });
    expect(detail.ledger).toEqual([
      expect.objectContaining({ kind: 'charge', amount: '-100.000000', actorId: s.adminId }),
    ]);
    expect(detail.activity).toEqual([
      expect.objectContaining({ action: 'order.created_manual', actorId: s.adminId, userId }),
    ]);
    // An auto-mode service, yet no forward job: the admin fulfils manual orders.
    const waiting = await deps.producer
      .queue('order-forward')
      .getJobCounts('waiting', 'delayed', 'prioritized');
    expect(Object.values(waiting).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('takes drip-feed runs/interval like a customer order: charged for quantity × runs', async () => {
    const userId = await seedUser(sql, { balance: '500' });
    const drip = newId('service');
    await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd,
                                    min_order, max_order, mode, dripfeed)
              values (${drip}, 'YT drip', ${c.categoryId}, ${c.providerId}, '3', '100', '1', 50, 100000, 'auto', true)`;
    const res = await call('POST', '/api/admin/orders/manual', {
      userId,
      serviceId: drip,
      link: 'https://youtube.com/watch?v=drip',
      quantity: 100,
      runs: 3,
      interval: 10,
    });
    expect(res.statusCode, res.body).toBe(201);
    // 100 BDT per 1000 × 100 × 3 runs = 30 BDT
    expect(res.json().totalCost).toBe('30.000000');
    expect(await balanced(userId)).toBe('470.000000');
    const refused = await call('POST', '/api/admin/orders/manual', {
      userId,
      serviceId: c.autoServiceId,
      link: 'https://instagram.com/not-drip',
      quantity: 100,
      runs: 3,
      interval: 10,
    });
    expect(refused.statusCode).toBe(422);
    expect(await balanced(userId)).toBe('470.000000');
  });

  it('insufficient funds → 402 and nothing written; unknown user → 404', async () => {
    const userId = await seedUser(sql, { balance: '1' });
    const before = await counts(sql, userId);
    const res = await call('POST', '/api/admin/orders/manual', {
      userId,
      serviceId: c.manualServiceId,
      link: 'https://instagram.com/poor',
      quantity: 1000,
    });
    expect(res.statusCode).toBe(402);
    expect(await counts(sql, userId)).toEqual(before);
    const missing = await call('POST', '/api/admin/orders/manual', {
      userId: 'usr_00000000000000000000000000',
      serviceId: c.manualServiceId,
      link: 'https://instagram.com/x',
      quantity: 100,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('PATCH: manual fulfilment with architecture.md#money refunds', () => {
  it('partial refunds price × remains / quantity, rounded down, exactly once', async () => {
    const userId = await seedUser(sql, { balance: '10' });
    const token = app.issueToken({ id: userId, role: 'user' });
    // 70 at 100 BDT per 1000 = 7 BDT.
    const orderId = await orderIn(app, sql, token, c, { quantity: 70 });
    const progress = await call('PATCH', `/api/admin/orders/${orderId}`, {
      status: 'in_progress',
      startCount: 120,
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().order).toMatchObject({ status: 'in_progress', startCount: 120 });

    const partial = await call('PATCH', `/api/admin/orders/${orderId}`, { status: 'partial', remains: 23 });
    expect(partial.statusCode, partial.body).toBe(200);
    // 7.000000 × 23 / 70 = 2.3 exactly; refunded once.
    expect(partial.json()).toMatchObject({ refunded: '2.300000', order: { status: 'partial', remains: 23 } });
    expect(partial.json().order.completedAt).not.toBeNull();

    const again = await call('PATCH', `/api/admin/orders/${orderId}`, { status: 'partial', remains: 0 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    const cancel = await call('POST', `/api/admin/orders/${orderId}/cancel`);
    expect(cancel.statusCode).toBe(409);
    expect((await ledgerOf(sql, orderId)).filter((l) => l.kind === 'refund')).toEqual([
      { kind: 'refund', amount: '2.300000', actorId: s.adminId },
    ]);
    expect(await balanced(userId)).toBe('5.300000');
  });

  it('rounds a partial refund down to 6 places', async () => {
    const userId = await seedUser(sql, { balance: '10' });
    const orderId = await orderIn(app, sql, app.issueToken({ id: userId, role: 'user' }), c, {
      quantity: 70,
    });
    // An awkward price, kept consistent with the charge so Σ ledger = balance still holds.
    await sql`update orders set price = '7.000001' where id = ${orderId}`;
    await sql`update users set balance = balance - 0.000001 where id = ${userId}`;
    await sql`update ledger set amount = '-7.000001' where order_id = ${orderId}`;
    const res = await call('PATCH', `/api/admin/orders/${orderId}`, { status: 'partial', remains: 10 });
    // 7.000001 × 10 / 70 = 1.00000014… → 1.000000
    expect(res.json()).toMatchObject({ refunded: '1.000000' });
    await balanced(userId);
  });

  it('partial needs remains ≤ quantity; completed refunds nothing; canceled refunds everything once', async () => {
    const userId = await seedUser(sql, { balance: '100' });
    const token = app.issueToken({ id: userId, role: 'user' });
    const a = await orderIn(app, sql, token, c, { quantity: 100 });
    expect((await call('PATCH', `/api/admin/orders/${a}`, { status: 'partial' })).statusCode).toBe(422);
    expect(
      (await call('PATCH', `/api/admin/orders/${a}`, { status: 'partial', remains: 101 })).statusCode,
    ).toBe(422);
    const done = await call('PATCH', `/api/admin/orders/${a}`, { status: 'completed' });
    expect(done.json()).toMatchObject({ refunded: null, order: { status: 'completed', remains: 0 } });

    const b = await orderIn(app, sql, token, c, { quantity: 100 });
    const canceled = await call('PATCH', `/api/admin/orders/${b}`, { status: 'canceled' });
    expect(canceled.json()).toMatchObject({ refunded: '10.000000', order: { status: 'canceled' } });
    expect((await call('PATCH', `/api/admin/orders/${b}`, { status: 'canceled' })).statusCode).toBe(409);
    expect((await ledgerOf(sql, b)).filter((l) => l.kind === 'refund')).toHaveLength(1);
    // 100 − 10 − 10 + 10
    expect(await balanced(userId)).toBe('90.000000');
  });

  it('an order live at a provider is not moved by a bare status; unknown fields are refused', async () => {
    const orderId = await orderIn(app, sql, s.user, c, { status: 'processing', providerOrderId: '77' });
    const res = await call('PATCH', `/api/admin/orders/${orderId}`, { status: 'completed' });
    expect(res.statusCode).toBe(409);
    const mass = await call('PATCH', `/api/admin/orders/${orderId}`, { price: '0' });
    expect(mass.statusCode).toBe(400);
    const both = await call('PATCH', `/api/admin/orders/${orderId}`, {
      status: 'completed',
      providerOrderId: '1',
    });
    expect(both.statusCode).toBe(400);
  });

  it('settles a needs_review order with the provider order id → processing, checked now', async () => {
    const orderId = await orderIn(app, sql, s.user, c, { status: 'needs_review' });
    const res = await call('PATCH', `/api/admin/orders/${orderId}`, {
      providerOrderId: '4711',
      adminNotes: 'found it',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().order).toMatchObject({
      status: 'processing',
      providerOrderId: '4711',
      providerId: c.providerId,
      adminNotes: 'found it',
    });
    const [row] = await sql<
      { due: boolean }[]
    >`select next_status_check <= now() as due from orders where id = ${orderId}`;
    expect(row!.due).toBe(true);
    const acts = (await call('GET', `/api/admin/activity?orderId=${orderId}`)).json().activity;
    expect(acts[0]).toMatchObject({
      action: 'order.provider_order_attached',
      actorId: s.adminId,
      providerOrderId: '4711',
    });
    // Settled once: a second id is a conflict.
    expect(
      (await call('PATCH', `/api/admin/orders/${orderId}`, { providerOrderId: '4712' })).statusCode,
    ).toBe(409);
  });
});

describe('cancel', () => {
  it('cancel twice refunds once; Σ ledger = balance', async () => {
    const userId = await seedUser(sql, { balance: '50' });
    const orderId = await orderIn(app, sql, app.issueToken({ id: userId, role: 'user' }), c, {
      status: 'needs_review',
      quantity: 100,
    });
    const first = await call('POST', `/api/admin/orders/${orderId}/cancel`, { reason: 'customer asked' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      refunded: '10.000000',
      providerCancel: 'not_at_provider',
      order: { status: 'canceled', refunded: '10.000000' },
    });
    const second = await call('POST', `/api/admin/orders/${orderId}/cancel`);
    expect(second.statusCode).toBe(409);
    const [a, b] = await Promise.all([
      call('POST', `/api/admin/orders/${orderId}/cancel`),
      call('POST', `/api/admin/orders/${orderId}/cancel`),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([409, 409]);
    expect((await ledgerOf(sql, orderId)).filter((l) => l.kind === 'refund')).toHaveLength(1);
    expect(await balanced(userId)).toBe('50.000000');
  });

  it('two admins canceling the same order at once: one refund', async () => {
    const userId = await seedUser(sql, { balance: '50' });
    const orderId = await orderIn(app, sql, app.issueToken({ id: userId, role: 'user' }), c, {
      quantity: 100,
    });
    const results = await Promise.all(
      [1, 2, 3].map(() => call('POST', `/api/admin/orders/${orderId}/cancel`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await balanced(userId)).toBe('50.000000');
  });

  it('a live order is canceled at the provider too (best effort), and refunded either way', async () => {
    const userId = await seedUser(sql, { balance: '50' });
    const { ProviderClient } = await import('@smm/provider-client');
    const client = new ProviderClient({ apiUrl: sandbox.apiUrl, apiKey: sandbox.apiKey });
    const placed = await client.add({ service: '1', link: 'https://instagram.com/live', quantity: 100 });
    const orderId = await orderIn(app, sql, app.issueToken({ id: userId, role: 'user' }), c, {
      status: 'in_progress',
      providerOrderId: placed.providerOrderId,
      quantity: 100,
    });
    const res = await call('POST', `/api/admin/orders/${orderId}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ refunded: '10.000000', order: { status: 'canceled' } });
    expect(['canceled', 'refused']).toContain(res.json().providerCancel);
    expect(await balanced(userId)).toBe('50.000000');
  });

  it('a submitting order cannot be canceled (a call is in flight)', async () => {
    const orderId = await orderIn(app, sql, s.user, c, { status: 'submitting' });
    const res = await call('POST', `/api/admin/orders/${orderId}/cancel`);
    expect(res.statusCode).toBe(409);
  });
});

describe('balance adjustments', () => {
  it('adds and takes money through the ledger; below zero → 422 with nothing written', async () => {
    const userId = await seedUser(sql, { balance: '10' });
    const url = `/api/admin/users/${userId}/balance`;
    const up = await call('POST', url, { amount: '2.5', note: 'bonus' });
    expect(up.json()).toMatchObject({
      success: true,
      amount: '2.500000',
      balance: '12.500000',
      currency: 'BDT',
    });
    const before = await counts(sql, userId);
    const acts = await sql`select count(*)::int as n from activity_log where user_id = ${userId}`;
    const down = await call('POST', url, { amount: '-12.500001', note: 'too much' });
    expect(down.statusCode).toBe(422);
    expect(down.json()).toMatchObject({ error: { code: 'BALANCE_WOULD_BE_NEGATIVE' } });
    expect(await counts(sql, userId)).toEqual(before);
    expect(await sql`select count(*)::int as n from activity_log where user_id = ${userId}`).toEqual(acts);
    expect((await call('POST', url, { amount: '-12.5', note: 'all of it' })).json()).toMatchObject({
      balance: '0.000000',
    });
    expect(await balanced(userId)).toBe('0.000000');
    for (const amount of ['0', '0.000', '1e3', '1.1234567', 12]) {
      const bad = await call('POST', url, { amount, note: 'x' });
      expect(bad.statusCode, `${amount}: ${bad.body}`).toBe(400);
    }
    expect((await call('POST', url, { amount: '1', note: 'x', balance: '99' })).statusCode).toBe(400);
    expect(
      (
        await call('POST', '/api/admin/users/usr_00000000000000000000000000/balance', {
          amount: '1',
          note: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/admin/orders', () => {
  it('filters by status, user, manual, link (literal) and dates; pages; counts per status', async () => {
    const userId = await seedUser(sql, { balance: '1000' });
    const token = app.issueToken({ id: userId, role: 'user' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await orderIn(app, sql, token, c, { link: `https://ig.example/p_${i}%` }));
    await sql`update orders set status = 'needs_review' where id = ${ids[0]!}`;
    await sql`update orders set is_manual = true where id = ${ids[1]!}`;

    const list = (q: string) => call('GET', `/api/admin/orders?userId=${userId}&${q}`).then((r) => r.json());
    const all = await list('limit=2');
    expect(all.orders.map((o: { id: string }) => o.id)).toEqual([ids[4], ids[3]]);
    expect(all.counts).toMatchObject({ pending: 4, needs_review: 1, completed: 0 });
    const page2 = await list(`limit=2&cursor=${all.nextCursor}`);
    expect(page2.orders.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);

    expect((await list('status=needs_review')).orders.map((o: { id: string }) => o.id)).toEqual([ids[0]]);
    expect((await list('isManual=true')).orders.map((o: { id: string }) => o.id)).toEqual([ids[1]]);
    // `_` and `%` are literal: "p_3%" matches one link, not "p" + any char.
    expect(
      (await list(`link=${encodeURIComponent('P_3%')}`)).orders.map((o: { id: string }) => o.id),
    ).toEqual([ids[3]]);
    expect((await list(`link=${encodeURIComponent('p%3')}`)).orders).toEqual([]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await list(`from=${future}`)).orders).toEqual([]);
    expect((await list(`to=${future}`)).orders).toHaveLength(5);
    expect((await call('GET', '/api/admin/orders?limit=201')).statusCode).toBe(400);
    const first = all.orders[0];
    expect(first).toMatchObject({
      userEmail: `${userId}@example.com`,
      serviceName: 'IG manual',
      providerName: 'Sandbox',
    });
  });
});
