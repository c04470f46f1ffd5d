import { adjustBalance, ledgerBalance } from '@smm/db';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, counts, seedCatalog, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { app } = await startGateway(t);
const cat = await seedCatalog(t.sql);
// Manual service: these tests are about money, not queues.
const order = { categoryId: cat.catA, serviceId: cat.manual, link: 'https://instagram.com/a', qty: 100 };

function post(token: string, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: { ...bearer(token), ...headers },
    payload: payload as object,
  });
}

describe('charging', () => {
  it('prices in the user currency with exact decimals and keeps balance = Σ ledger', async () => {
    const bdt = await seedUser(t.sql, { balance: '100.000000' });
    const res = await post(app.issueToken({ id: bdt, role: 'user' }), { ...order, qty: 333 });
    // rate 100 BDT per 1000 × 333 = 33.3
    expect(res.json()).toMatchObject({
      success: true,
      totalCost: '33.300000',
      currency: 'BDT',
      ordersCreated: 1,
    });
    expect(await ledgerBalance(t.sql, bdt)).toEqual({ balance: '66.700000', ledgerSum: '66.700000' });

    const usd = await seedUser(t.sql, { balance: '10.000000', currency: 'USD' });
    const r2 = await post(app.issueToken({ id: usd, role: 'user' }), { ...order, qty: 333 });
    // rateUSD 0.9 per 1000 × 333 = 0.2997
    expect(r2.json()).toMatchObject({ totalCost: '0.299700', currency: 'USD' });
    const [o] = await t.sql`select price::text, bdt_price::text, usd_price::text, currency, provider_id
                            from orders where id = ${r2.json().orderIds[0]}`;
    expect(o).toEqual({
      price: '0.299700',
      bdt_price: '33.300000',
      usd_price: '0.299700',
      currency: 'USD',
      provider_id: cat.providerId,
    });
  });

  it('a USD-only service is charged to a BDT user through their dollarRate', async () => {
    const u = await seedUser(t.sql, { balance: '1000', dollarRate: '117.5' });
    const res = await post(app.issueToken({ id: u, role: 'user' }), {
      categoryId: cat.catB,
      serviceId: cat.usdOnly,
      link: 'https://tiktok.com/@a',
      qty: 1000,
    });
    // 1.5 USD × 117.5 = 176.25 BDT
    expect(res.json().totalCost).toBe('176.250000');
  });

  it('a dollar rate changed right after an order warmed the pricing cache prices the next order anew', async () => {
    const u = await seedUser(t.sql, { balance: '1000', dollarRate: '117.5' });
    const token = app.issueToken({ id: u, role: 'user' });
    const line = { categoryId: cat.catB, serviceId: cat.usdOnly, link: 'https://tiktok.com/@b', qty: 1000 };
    expect((await post(token, line)).json().totalCost).toBe('176.250000');
    await t.sql`update users set dollar_rate = '120' where id = ${u}`;
    // 1.5 USD × 120 = 180 BDT: the stale cached rate is never charged.
    const res = await post(token, line);
    expect(res.statusCode).toBe(201);
    expect(res.json().totalCost).toBe('180.000000');
    expect(await ledgerBalance(t.sql, u)).toEqual({ balance: '643.750000', ledgerSum: '643.750000' });
  });

  it('insufficient funds → 402 and nothing written', async () => {
    const u = await seedUser(t.sql, { balance: '9.999999' });
    const before = await counts(t.sql, u);
    const res = await post(app.issueToken({ id: u, role: 'user' }), order);
    expect(res.statusCode).toBe(402);
    expect(res.json().error).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      details: { required: '10.000000' },
    });
    expect(await counts(t.sql, u)).toEqual(before);
  });

  it('a suspended account is refused at once, even right after an order warmed the pricing cache', async () => {
    const u = await seedUser(t.sql, { balance: '100' });
    const token = app.issueToken({ id: u, role: 'user' });
    expect((await post(token, order)).statusCode).toBe(201);
    await t.sql`update users set status = 'suspended' where id = ${u}`;
    const before = await counts(t.sql, u);
    const res = await post(token, order);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await counts(t.sql, u)).toEqual(before);
  });

  it('200 concurrent orders against a balance for exactly 50: 50 accepted, 150 refused, balance 0', async () => {
    const u = await seedUser(t.sql, { balance: '500.000000' });
    const token = app.issueToken({ id: u, role: 'user' });
    const results = await Promise.all(Array.from({ length: 200 }, () => post(token, order)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 402)).toHaveLength(150);
    const c = await counts(t.sql, u);
    expect(c).toMatchObject({ orders: 50, ledger: 51, activity: 50, balance: '0.000000' });
    expect(await ledgerBalance(t.sql, u)).toEqual({ balance: '0.000000', ledgerSum: '0.000000' });
  });

  it('a mass order is charged once for its total, and one bad line writes nothing', async () => {
    const u = await seedUser(t.sql, { balance: '100' });
    const token = app.issueToken({ id: u, role: 'user' });
    const before = await counts(t.sql, u);
    const bad = await post(token, { orders: [order, order, { ...order, qty: 5 }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.lines).toEqual([
      expect.objectContaining({ line: 2, code: 'QUANTITY_OUT_OF_RANGE' }),
    ]);
    expect(await counts(t.sql, u)).toEqual(before);

    const tooDear = await post(token, { orders: Array.from({ length: 11 }, () => order) });
    expect(tooDear.statusCode).toBe(402);
    expect(await counts(t.sql, u)).toEqual(before);

    const ok = await post(token, { orders: [order, { ...order, qty: 250 }, order] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ ordersCreated: 3, totalCost: '45.000000' });
    expect(ok.json().orderIds).toHaveLength(3);
    expect(await ledgerBalance(t.sql, u)).toEqual({ balance: '55.000000', ledgerSum: '55.000000' });
  });
});

describe('Idempotency-Key', () => {
  it('the same key and body twice: one charge, the first answer replayed', async () => {
    const u = await seedUser(t.sql, { balance: '100' });
    const token = app.issueToken({ id: u, role: 'user' });
    const first = await post(token, order, { 'idempotency-key': 'key-1' });
    const second = await post(token, order, { 'idempotency-key': 'key-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await counts(t.sql, u)).toMatchObject({ orders: 1, balance: '90.000000', keys: 1 });
    const [o] = await t.sql`select idempotency_key from orders where user_id = ${u}`;
    expect(o!.idempotency_key).toBe('key-1');
  });

  it('the same key sent concurrently still charges once', async () => {
    const u = await seedUser(t.sql, { balance: '100' });
    const token = app.issueToken({ id: u, role: 'user' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(token, order, { 'idempotency-key': 'burst' })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.json().orderIds[0])).size).toBe(1);
    expect(await ledgerBalance(t.sql, u)).toEqual({ balance: '90.000000', ledgerSum: '90.000000' });
  });

  it('the same key with another body → 422, nothing charged', async () => {
    const u = await seedUser(t.sql, { balance: '100' });
    const token = app.issueToken({ id: u, role: 'user' });
    await post(token, order, { 'idempotency-key': 'key-2' });
    const before = await counts(t.sql, u);
    const res = await post(token, { ...order, qty: 200 }, { 'idempotency-key': 'key-2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counts(t.sql, u)).toEqual(before);
  });

  it('a refused (402) attempt leaves no key behind, so a retry after a top-up goes through', async () => {
    const u = await seedUser(t.sql, { balance: '5' });
    const token = app.issueToken({ id: u, role: 'user' });
    const poor = await post(token, order, { 'idempotency-key': 'key-3' });
    expect(poor.statusCode).toBe(402);
    expect(await counts(t.sql, u)).toMatchObject({ keys: 0, orders: 0, balance: '5.000000' });
    await adjustBalance(t.sql, { userId: u, amount: '10', kind: 'deposit', note: 'top-up' });
    const rich = await post(token, order, { 'idempotency-key': 'key-3' });
    expect(rich.statusCode).toBe(201);
  });

  it('keys are per user: two users may use the same key', async () => {
    const a = await seedUser(t.sql, { balance: '100' });
    const b = await seedUser(t.sql, { balance: '100' });
    const ra = await post(app.issueToken({ id: a, role: 'user' }), order, { 'idempotency-key': 'shared' });
    const rb = await post(app.issueToken({ id: b, role: 'user' }), order, { 'idempotency-key': 'shared' });
    expect(ra.statusCode).toBe(201);
    expect(rb.statusCode).toBe(201);
    expect(rb.json().orderIds).not.toEqual(ra.json().orderIds);
  });
});
