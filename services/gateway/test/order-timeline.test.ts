import { claimOrders, markForwardedMany, type RowUpdate, writeBatch } from '@smm/db';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedUser, startGateway } from './harness.ts';

// GET /api/user/orders/:id/timeline: an order's history in the customer's words, driven through the
// orders module as the forwarder and status sync drive it — and nothing of the provider in it.
const t = await useTestDatabase();
const { app } = await startGateway(t);
const cat = await seedCatalog(t.sql);
const PROVIDER_NAME = 'Upstream Secret Co';
await t.sql`update api_providers set name = ${PROVIDER_NAME} where id = ${cat.providerId}`;

const userId = await seedUser(t.sql, { balance: '10000' });
const token = app.issueToken({ id: userId, role: 'user' });
const otherToken = app.issueToken({ id: await seedUser(t.sql, { balance: '10000' }), role: 'user' });

function get(tok: string, url: string) {
  return app.inject({ method: 'GET', url, headers: bearer(tok) });
}

/** A status-sync row for the order: what the batch writes when the provider reports `status`. */
function syncRow(id: string, expected: RowUpdate['expected'], status: RowUpdate['status'], remains: string) {
  const terminal = status === 'partial' || status === 'completed';
  return {
    id,
    expected,
    status,
    ok: true,
    providerStatus: status === 'partial' ? 'Partial' : 'In progress',
    startCount: '120',
    remains,
    charge: '0.31',
    currency: 'USD',
    nextInMs: terminal ? null : 60_000,
    unchanged: 0,
    syncErrors: 0,
    reviewKind: null,
    lastError: null,
    terminal,
  } satisfies RowUpdate;
}

// Placed (100 at 100 BDT per 1000: 10 BDT), sent to the provider, in progress, then partial with 40 not
// delivered: 4 BDT back.
const placed = await app.inject({
  method: 'POST',
  url: '/api/user/create-orders',
  headers: bearer(token),
  payload: { categoryId: cat.catA, serviceId: cat.auto, link: 'https://a.com/timeline', qty: 100 },
});
const orderId: string = placed.json().orderIds[0];
const orderNumber: number = placed.json().orderNumbers[0];
const [claim] = await claimOrders(t.sql, [{ orderId, providerId: cat.providerId, adminForward: false }]);
expect(claim?.claimed).toBe(true);
await markForwardedMany(t.sql, [
  {
    orderId,
    providerId: cat.providerId,
    providerOrderId: '770011',
    attempt: claim!.attempt,
    reply: { order: 770011, provider: PROVIDER_NAME },
    anomaly: null,
    firstStatusCheckMs: 60_000,
  },
]);
await writeBatch(t.sql, cat.providerId, {
  rows: [syncRow(orderId, 'processing', 'in_progress', '100')],
  refunds: [],
  activity: [
    {
      orderId,
      userId,
      providerOrderId: '770011',
      from: 'processing',
      to: 'in_progress',
      message: `status processing → in_progress (provider: "In progress at ${PROVIDER_NAME}")`,
      reply: { status: 'In progress', note: PROVIDER_NAME },
    },
  ],
  errors: [],
});
await writeBatch(t.sql, cat.providerId, {
  rows: [syncRow(orderId, 'in_progress', 'partial', '40')],
  refunds: [{ orderId, userId, kind: 'partial', amount: '4.000000', note: 'partial delivery' }],
  activity: [
    {
      orderId,
      userId,
      providerOrderId: '770011',
      from: 'in_progress',
      to: 'partial',
      message: `status in_progress → partial (provider: "Partial by ${PROVIDER_NAME}"); refund 4.000000 BDT`,
      reply: { status: 'Partial', remains: '40', note: PROVIDER_NAME },
    },
  ],
  errors: [],
});

describe('GET /api/user/orders/:id/timeline', () => {
  it("tells the order's steps in the customer's words, with the refund and its amount", async () => {
    const res = await get(token, `/api/user/orders/${orderNumber}/timeline`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ success: true, currency: 'BDT', refunded: '4.000000', refills: [] });
    expect(
      body.events.map((e: { status: string; text: string; amount: string | null }) => [
        e.status,
        e.text,
        e.amount,
      ]),
    ).toEqual([
      ['pending', 'Order placed', null],
      ['processing', 'Processing', null],
      ['in_progress', 'In progress', null],
      ['partial', 'Partial', null],
      ['partial', 'Refunded to your balance', '4.000000'],
    ]);
    // Oldest first, every time exact ISO.
    const times = body.events.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
    for (const at of times) expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    // The order's id works as well as its number.
    expect((await get(token, `/api/user/orders/${orderId}/timeline`)).json()).toEqual(body);
  });

  it('a refill request shows with its number and state', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: `/api/user/orders/${orderId}/refill`,
      headers: bearer(token),
    });
    expect(asked.statusCode).toBe(202);
    const body = (await get(token, `/api/user/orders/${orderNumber}/timeline`)).json();
    const [refill] = await t.sql<
      { number: string }[]
    >`select number::text from refills where order_id = ${orderId}`;
    expect(body.refills).toEqual([
      { number: Number(refill!.number), status: 'pending', createdAt: expect.any(String) },
    ]);
    expect(body.events.at(-1)).toMatchObject({
      status: 'partial',
      text: `Refill #${refill!.number} requested`,
      amount: null,
    });
  });

  it('says nothing of the provider: no name, no reply, no provider order id, no internal id', async () => {
    const res = await get(token, `/api/user/orders/${orderNumber}/timeline`);
    const text = res.body;
    // The activity rows do hold them: what the customer gets is chosen, not copied.
    const rows = await t.sql<
      { row: string }[]
    >`select row_to_json(a)::text as row from activity_log a where order_id = ${orderId}`;
    expect(rows.some((r) => r.row.includes(PROVIDER_NAME))).toBe(true);
    for (const secret of [
      PROVIDER_NAME,
      'Upstream',
      '770011',
      cat.providerId,
      'provider',
      'rfl',
      cat.auto,
      '→',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(orderId);
  });

  it("another user's order, or none, is 404; signed out is 401", async () => {
    expect((await get(otherToken, `/api/user/orders/${orderNumber}/timeline`)).statusCode).toBe(404);
    expect((await get(otherToken, `/api/user/orders/${orderId}/timeline`)).json().error.code).toBe(
      'NOT_FOUND',
    );
    expect((await get(token, '/api/user/orders/99999999/timeline')).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/user/orders/${orderNumber}/timeline` })).statusCode,
    ).toBe(401);
  });
});
