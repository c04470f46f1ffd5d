import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, counts, seedCatalog, seedUser, startGateway } from './harness.ts';

// Custom Comments and drip-feed through POST /api/user/create-orders: the reseller `add`'s rules,
// enforced by the same intake.
const t = await useTestDatabase();
const { sql } = t;
const { app } = await startGateway(t);
const cat = await seedCatalog(sql);
const comments = newId('service');
const drip = newId('service');
// The comments service also says dripfeed: drip-feed must still be refused for it (one list per order).
await sql`insert into services (id, name, category_id, provider_id, provider_service_id, type, rate, rate_usd, min_order, max_order, dripfeed)
          values (${comments}, 'IG custom comments', ${cat.catA}, ${cat.providerId}, '8', 'Custom Comments', '12.345', '0.1', 1, 5, true),
                 (${drip}, 'YT views drip', ${cat.catA}, ${cat.providerId}, '9', 'Default', '0.777', '0.01', 10, 10000, true)`;
const userId = await seedUser(sql, { balance: '1000.000000' });
const headers = bearer(app.issueToken({ id: userId, role: 'user' }));
const link = 'https://instagram.com/p/extras';

const commentsLine = {
  categoryId: cat.catA,
  serviceId: comments,
  link,
  qty: 3,
  comments: 'great\n\n nice \r\nwow',
};
const dripLine = { categoryId: cat.catA, serviceId: drip, link, qty: 123, runs: 7, interval: 15 };
const plainLine = { categoryId: cat.catA, serviceId: cat.auto, link, qty: 100 };

const place = (payload: object, extra: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/user/create-orders', headers: { ...headers, ...extra }, payload });

async function orderRow(id: string) {
  const [o] = await sql<
    {
      quantity: number;
      runs: number | null;
      interval: number | null;
      comments: string | null;
      price: string;
    }[]
  >`select quantity, runs, "interval", comments, price::text from orders where id = ${id}`;
  return o!;
}

describe('create-orders: Custom Comments and drip-feed accepted, charged exactly', () => {
  it('Custom Comments: one comment per non-empty line, qty = the line count, rate × lines / 1000', async () => {
    const before = await counts(sql, userId);
    const res = await place(commentsLine);
    expect(res.statusCode, res.body).toBe(201);
    // 12.345 × 3 / 1000
    expect(res.json()).toMatchObject({ ordersCreated: 1, totalCost: '0.037035', currency: 'BDT' });
    expect(await orderRow(res.json().orderIds[0])).toEqual({
      quantity: 3,
      runs: null,
      interval: null,
      comments: 'great\nnice\nwow',
      price: '0.037035',
    });
    expect((await counts(sql, userId)).balance).toBe('999.962965');
    expect((await counts(sql, userId)).orders).toBe(before.orders + 1);
  });

  it('drip-feed: qty per run, charged for qty × runs', async () => {
    const before = await counts(sql, userId);
    const res = await place(dripLine);
    expect(res.statusCode, res.body).toBe(201);
    // 0.777 × 123 × 7 / 1000 = 0.777 × 0.861
    expect(res.json().totalCost).toBe('0.668997');
    expect(await orderRow(res.json().orderIds[0])).toMatchObject({ quantity: 123, runs: 7, interval: 15 });
    expect(Number((await counts(sql, userId)).ledger)).toBe(before.ledger + 1);
  });

  it('the customer sees the extras on the order: runs, interval and comments', async () => {
    const [dripId] = (await place(dripLine)).json().orderIds as string[];
    const [commentsId] = (await place(commentsLine)).json().orderIds as string[];
    const drip = await app.inject({ method: 'GET', url: `/api/user/orders/${dripId}`, headers });
    expect(drip.json().order).toMatchObject({ quantity: 123, runs: 7, interval: 15, comments: null });
    const list = await app.inject({ method: 'GET', url: '/api/user/orders?limit=100', headers });
    const c = (list.json().orders as Array<{ id: string }>).find((o) => o.id === commentsId);
    expect(c).toMatchObject({ quantity: 3, runs: null, comments: 'great\nnice\nwow', cancelStatus: null });
  });

  it('the bounds themselves are accepted: runs 2 / interval 1 and runs 1000 / interval 1440', async () => {
    for (const [runs, interval, total] of [
      [2, 1, '0.015540'], // 0.777 × 10 × 2 / 1000
      [1000, 1440, '7.770000'], // 0.777 × 10 × 1000 / 1000
    ] as const) {
      const res = await place({ ...dripLine, qty: 10, runs, interval });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().totalCost).toBe(total);
    }
  });

  it('a mass order mixes plain, comments and drip-feed lines in one exact total', async () => {
    const res = await place({ orders: [plainLine, commentsLine, dripLine] });
    expect(res.statusCode, res.body).toBe(201);
    // 10 + 0.037035 + 0.668997
    expect(res.json()).toMatchObject({ ordersCreated: 3, totalCost: '10.706032' });
    const [, c, d] = res.json().orderIds as string[];
    expect((await orderRow(c!)).comments).toBe('great\nnice\nwow');
    expect(await orderRow(d!)).toMatchObject({ quantity: 123, runs: 7, interval: 15, price: '0.668997' });
  });

  it('the Idempotency-Key covers the extras: other comments under the same key → 422', async () => {
    const key = `extras-${newId('order')}`;
    expect((await place(commentsLine, { 'idempotency-key': key })).statusCode).toBe(201);
    const replay = await place(commentsLine, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const other = await place({ ...commentsLine, comments: 'a\nb\nc' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

interface Case {
  name: string;
  body: object;
  status: number;
  code: string;
  /** Where the problem is: a zod field (400) or the line problem's field (422). */
  field?: string;
  message?: RegExp;
}

const long = 'x'.repeat(501);
const cases: Case[] = [
  {
    name: 'comments on a service that takes none',
    body: { ...plainLine, comments: 'hi' },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'comments',
    message: /takes no comments/,
  },
  {
    name: 'Custom Comments without comments',
    body: { ...commentsLine, comments: undefined },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'comments',
    message: /needs comments/,
  },
  {
    name: 'only blank comment lines',
    body: { ...commentsLine, comments: '\n  \r\n' },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'comments',
    message: /needs comments/,
  },
  {
    name: 'qty differs from the comment line count',
    body: { ...commentsLine, qty: 4 },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'comments',
    message: /quantity must equal the number of comments \(3 non-empty lines\)/,
  },
  {
    name: 'a comment over 500 characters',
    body: { ...commentsLine, qty: 2, comments: `ok\n${long}` },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'comments',
    message: /comment 2 is longer than 500 characters/,
  },
  {
    name: 'more comments than the service max',
    body: { ...commentsLine, qty: 6, comments: 'a\nb\nc\nd\ne\nf' },
    status: 422,
    code: 'QUANTITY_OUT_OF_RANGE',
  },
  {
    name: 'comments as a list',
    body: { ...commentsLine, comments: ['a', 'b', 'c'] },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.comments',
  },
  {
    name: 'drip-feed on a service without it',
    body: { ...plainLine, runs: 3, interval: 15 },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'runs',
    message: /drip-feed is not available/,
  },
  {
    name: 'drip-feed on Custom Comments (even flagged dripfeed)',
    body: { ...commentsLine, runs: 3, interval: 15 },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'runs',
  },
  {
    name: 'runs without interval',
    body: { ...dripLine, interval: undefined },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'interval',
    message: /both runs and interval/,
  },
  {
    name: 'interval without runs',
    body: { ...dripLine, runs: undefined },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'runs',
  },
  {
    name: 'runs 1',
    body: { ...dripLine, runs: 1 },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.runs',
  },
  {
    name: 'runs 1001',
    body: { ...dripLine, runs: 1001 },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.runs',
  },
  {
    name: 'runs 2.5',
    body: { ...dripLine, runs: 2.5 },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.runs',
  },
  {
    name: 'interval 0',
    body: { ...dripLine, interval: 0 },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.interval',
  },
  {
    name: 'interval 1441',
    body: { ...dripLine, interval: 1441 },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.interval',
  },
  {
    name: 'interval as a string',
    body: { ...dripLine, interval: '15' },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.interval',
  },
  {
    name: 'the v2 name `quantity` is still an unknown field',
    body: { ...plainLine, quantity: 100 },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.quantity',
  },
  {
    name: 'a mass order with one bad extras line',
    body: { orders: [plainLine, { ...commentsLine, qty: 2 }] },
    status: 422,
    code: 'BUSINESS_RULE',
    field: 'comments',
    message: /^line 1: quantity must equal/,
  },
];

describe('create-orders: bad extras are refused and nothing is written', () => {
  it.each(cases)('$name → $status $code', async (c) => {
    const before = await counts(sql, userId);
    const res = await place(c.body);
    expect(res.statusCode, res.body).toBe(c.status);
    const { error } = res.json();
    expect(error.code).toBe(c.code);
    if (c.message) expect(error.message).toMatch(c.message);
    if (c.field && c.status === 400) {
      expect((error.details as Array<{ field: string }>).map((d) => d.field)).toContain(c.field);
    } else if (c.field) {
      expect(error.details.lines[0].field).toBe(c.field);
    }
    expect(await counts(sql, userId)).toEqual(before);
  });
});
