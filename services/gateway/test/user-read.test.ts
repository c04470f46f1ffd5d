import { createHash } from 'node:crypto';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { app } = await startGateway(t);
const cat = await seedCatalog(t.sql);

function get(token: string, url: string) {
  return app.inject({ method: 'GET', url, headers: bearer(token) });
}

const userId = await seedUser(t.sql, { balance: '10000' });
const token = app.issueToken({ id: userId, role: 'user' });
const other = await seedUser(t.sql, { balance: '10000' });
const line = (serviceId: string, categoryId = cat.catA) => ({
  categoryId,
  serviceId,
  link: 'https://a.com/x',
  qty: 100,
});
const placed: string[] = [];
for (let i = 0; i < 7; i++) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: bearer(token),
    payload: i % 2 ? line(cat.inB, cat.catB) : line(cat.manual),
  });
  placed.push(res.json().orderIds[0]);
}
await app.inject({
  method: 'POST',
  url: '/api/user/create-orders',
  headers: bearer(app.issueToken({ id: other, role: 'user' })),
  payload: line(cat.manual),
});
await t.sql`update orders set status = 'completed' where id = ${placed[0]!}`;

describe('GET /api/user/orders', () => {
  it('pages through own orders only, newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/user/orders?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await get(token, url);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.orders.map((o: { id: string }) => o.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...placed].reverse());
  });

  it('filters by status, serviceId and date range', async () => {
    const done = (await get(token, '/api/user/orders?status=completed')).json();
    expect(done.orders.map((o: { id: string }) => o.id)).toEqual([placed[0]]);

    const tiktok = (await get(token, `/api/user/orders?serviceId=${cat.inB}`)).json();
    expect(tiktok.orders).toHaveLength(3);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await get(token, `/api/user/orders?from=${future}`)).json().orders).toHaveLength(0);
    expect((await get(token, `/api/user/orders?from=${past}&to=${future}`)).json().orders).toHaveLength(7);
  });

  it('each order carries exact money and no provider internals', async () => {
    const body = (await get(token, `/api/user/orders/${placed[1]}`)).json();
    expect(body.order).toMatchObject({
      id: placed[1],
      serviceId: cat.inB,
      categoryId: cat.catB,
      link: 'https://a.com/x',
      quantity: 100,
      price: '10.000000',
      currency: 'BDT',
      status: 'pending',
    });
    expect(body.order.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(body.order).not.toHaveProperty('providerId');
    expect(body.order).not.toHaveProperty('providerOrderId');
  });

  it('refuses bad filters and limits with 400', async () => {
    for (const q of [
      'limit=101',
      'limit=0',
      'status=weird',
      'from=yesterday',
      'cursor=garbage',
      'userId=x',
    ]) {
      const res = await get(token, `/api/user/orders?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('a malformed order id is a 400, an unknown one (id or number) a 404', async () => {
    expect((await get(token, '/api/user/orders/abc')).statusCode).toBe(400);
    expect((await get(token, '/api/user/orders/0')).statusCode).toBe(400);
    expect((await get(token, '/api/user/orders/123')).statusCode).toBe(404);
    expect((await get(token, '/api/user/orders/ord_01aaaaaaaaaaaaaaaaaaaaaaaa')).statusCode).toBe(404);
  });
});

describe('GET /api/user/services', () => {
  it('lists active services of active categories, priced per 1000 in the caller currency', async () => {
    const bdt = app.issueToken({ id: await seedUser(t.sql), role: 'user' });
    const body = (await get(bdt, '/api/user/services')).json();
    expect(body.currency).toBe('BDT');
    const ids = body.services.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([cat.auto, cat.manual, cat.pkg, cat.inB, cat.usdOnly]));
    expect(ids).not.toContain(cat.inactive);
    expect(ids).not.toContain(cat.inInactiveCat);
    const auto = body.services.find((s: { id: string }) => s.id === cat.auto);
    const [numbered] = await t.sql<
      { n: number }[]
    >`select number::int as n from services where id = ${cat.auto}`;
    expect(auto).toEqual({
      id: cat.auto,
      number: numbered!.n,
      name: 'IG followers',
      categoryId: cat.catA,
      categoryName: 'Instagram',
      type: 'Default',
      ratePer1000: '100.000000',
      min: 10,
      max: 10000,
      refill: true,
      cancel: false,
      dripfeed: false,
      description: null,
      avgCompletionSeconds: null,
    });
    expect(body.services.find((s: { id: string }) => s.id === cat.usdOnly).ratePer1000).toBe('180.000000');

    const usd = app.issueToken({ id: await seedUser(t.sql, { currency: 'USD' }), role: 'user' });
    const usdBody = (await get(usd, '/api/user/services')).json();
    expect(usdBody.currency).toBe('USD');
    expect(usdBody.services.find((s: { id: string }) => s.id === cat.auto).ratePer1000).toBe('0.900000');
  });

  it('shows each service’s average completion time over the orders completed in the last 30 days', async () => {
    const buyer = await seedUser(t.sql, { balance: '10000' });
    const buyerToken = app.issueToken({ id: buyer, role: 'user' });
    /** An order of the service, then moved to `status` as if it was created and finished that long ago. */
    async function finished(
      serviceId: string,
      categoryId: string,
      status: string,
      ago: string,
      took: string,
    ) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/user/create-orders',
        headers: bearer(buyerToken),
        // A Package service sells one bundle per order.
        payload: { ...line(serviceId, categoryId), ...(serviceId === cat.pkg ? { qty: 1 } : {}) },
      });
      expect(res.statusCode).toBe(201);
      await t.sql`update orders set status = ${status},
                    completed_at = now() - ${ago}::interval,
                    created_at = now() - ${ago}::interval - ${took}::interval
                  where id = ${res.json().orderIds[0]}`;
    }
    // IG manual likes: 2 h and 4 h recently → 3 h. Older than 30 days, partial or canceled: not counted.
    await finished(cat.manual, cat.catA, 'completed', '1 hour', '2 hours');
    await finished(cat.manual, cat.catA, 'completed', '10 days', '4 hours');
    await finished(cat.manual, cat.catA, 'completed', '31 days', '100 hours');
    await finished(cat.manual, cat.catA, 'partial', '1 hour', '50 hours');
    await finished(cat.manual, cat.catA, 'canceled', '1 hour', '60 hours');
    // TT views: 90 min, another customer's order counts the same.
    await finished(cat.inB, cat.catB, 'completed', '2 days', '90 minutes');
    // Package: only a still-running order.
    await finished(cat.pkg, cat.catA, 'processing', '1 hour', '1 hour');

    const body = (await get(token, '/api/user/services')).json();
    const avg = (id: string) =>
      body.services.find((s: { id: string }) => s.id === id).avgCompletionSeconds as number | null;
    expect(avg(cat.manual)).toBe(3 * 3600);
    expect(avg(cat.inB)).toBe(90 * 60);
    expect(avg(cat.pkg)).toBeNull();
    expect(avg(cat.auto)).toBeNull();
    // Numbers are the services' own, one each.
    const numbers = body.services.map((s: { number: number }) => s.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe('me and the reseller key', () => {
  it('GET /api/user/me shows balance, currency, email, name, role', async () => {
    const id = await seedUser(t.sql, { balance: '12.5', currency: 'USD' });
    const body = (await get(app.issueToken({ id, role: 'user' }), '/api/user/me')).json();
    expect(body.user).toMatchObject({
      id,
      email: `${id}@example.com`,
      name: 'Test',
      role: 'user',
      balance: '12.500000',
      currency: 'USD',
      hasApiKey: false,
    });
    expect(JSON.stringify(body)).not.toMatch(/hash|password/i);
  });

  it('POST /api/user/api-key shows a fresh key once and stores only its sha256', async () => {
    const id = await seedUser(t.sql);
    const token = app.issueToken({ id, role: 'user' });
    const first = (
      await app.inject({ method: 'POST', url: '/api/user/api-key', headers: bearer(token) })
    ).json();
    const second = (
      await app.inject({ method: 'POST', url: '/api/user/api-key', headers: bearer(token) })
    ).json();
    expect(first.apiKey).toMatch(/^[0-9a-f]{64}$/);
    expect(second.apiKey).not.toBe(first.apiKey);
    const [row] = await t.sql`select api_key_hash from users where id = ${id}`;
    expect(row!.api_key_hash).toBe(createHash('sha256').update(second.apiKey).digest('hex'));
    expect((await get(token, '/api/user/me')).json().user.hasApiKey).toBe(true);
  });
});
