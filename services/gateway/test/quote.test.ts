import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, counts, seedCatalog, seedUser, startGateway } from './harness.ts';

/** The live total the web shows is the server's own price for exactly what would be ordered. */
const t = await useTestDatabase();
const { app } = await startGateway(t);
const cat = await seedCatalog(t.sql);
const quote = (token: string, payload: object) =>
  app.inject({ method: 'POST', url: '/api/user/orders/quote', headers: bearer(token), payload });
const order = (token: string, payload: object) =>
  app.inject({ method: 'POST', url: '/api/user/create-orders', headers: bearer(token), payload });

describe('POST /api/user/orders/quote', () => {
  it('prices exactly what create-orders then charges, and writes nothing', async () => {
    // A BDT customer buying a USD-only service: the price follows the dollar rate, rounded once.
    const userId = await seedUser(t.sql, { balance: '100000', currency: 'BDT', dollarRate: '117.333333' });
    const token = app.issueToken({ id: userId, role: 'user' });
    const lines = {
      orders: [
        { categoryId: cat.catB, serviceId: cat.usdOnly, link: 'https://instagram.com/q1', qty: 777 },
        { categoryId: cat.catA, serviceId: cat.pkg, link: 'https://instagram.com/q2', qty: 1 },
      ],
    };
    const before = await counts(t.sql, userId);
    const q = await quote(token, lines);
    expect(q.statusCode, q.body).toBe(200);
    expect(await counts(t.sql, userId)).toEqual(before);
    const placed = await order(token, lines);
    expect(placed.statusCode).toBe(201);
    expect(q.json()).toMatchObject({
      success: true,
      currency: 'BDT',
      totalCost: placed.json().totalCost,
      lines: [
        { serviceId: cat.usdOnly, units: 777 },
        { serviceId: cat.pkg, units: 1 },
      ],
    });
    // 1.5 USD per 1000 × 777 × 117.333333 BDT/USD, rounded half-up once: 136.751999…
    expect(q.json().lines[0].price).toBe('136.752000');
  });

  it('refuses what create-orders refuses, with the same 4xx', async () => {
    const userId = await seedUser(t.sql, { balance: '1' });
    const token = app.issueToken({ id: userId, role: 'user' });
    const bad = { categoryId: cat.catA, serviceId: cat.auto, link: 'https://instagram.com/x', qty: 5 };
    const q = await quote(token, bad);
    const o = await order(token, bad);
    expect(q.statusCode).toBe(422);
    expect(q.json().error).toEqual(o.json().error);
    // Funds are not a quote's business: it prices, it does not charge.
    expect((await quote(token, { ...bad, qty: 10_000 })).statusCode).toBe(200);
  });
});
