import { refundOrder } from '@smm/db';
import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, counts, seedCatalog, startGateway } from './harness.ts';
import { balanceOf, ledgerMatchesBalance, reseller, v2Form, v2Json } from './reseller-fixtures.ts';

const t = await useTestDatabase();
const { sql } = t;
const { app } = await startGateway(t);
const c = await seedCatalog(sql);
const comments = newId('service');
await sql`insert into services (id, name, category_id, provider_id, provider_service_id, type, rate_usd, min_order, max_order, cancel)
          values (${comments}, 'IG custom comments', ${c.catA}, ${c.providerId}, '8', 'Custom Comments', '10', 1, 100, true)`;
await sql`update services set dripfeed = true where id = ${c.inB}`;
const r = await reseller(app, sql, { balance: '100' });
const link = 'https://instagram.com/reseller';
// /api/v2 speaks public numbers: a service's `service`, an order's `order`, a refill's `refill`.
const serviceNumbers = new Map(
  (await sql<{ id: string; number: number }[]>`select id, number::int as number from services`).map((s) => [
    s.id,
    s.number,
  ]),
);
const sn = (id: string) => serviceNumbers.get(id)!;
async function idOf(number: number): Promise<string> {
  const [o] = await sql<{ id: string }[]>`select id from orders where number = ${number}`;
  return o!.id;
}

const add = (params: Record<string, string | number>) =>
  v2Form(app, { key: r.key, action: 'add', ...params });
async function orderRow(number: number) {
  const [o] = await sql<
    {
      userId: string;
      quantity: number;
      runs: number | null;
      interval: number | null;
      comments: string | null;
      price: string;
      status: string;
    }[]
  >`select user_id as "userId", quantity, runs, "interval", comments, price::text, status from orders where number = ${number}`;
  return o!;
}

describe('POST /api/v2: key and request', () => {
  it('a missing or wrong key is "Invalid API key" with HTTP 200, form or JSON', async () => {
    for (const res of [
      await v2Form(app, { action: 'balance' }),
      await v2Form(app, { key: 'nope', action: 'balance' }),
      await v2Json(app, { key: 'nope', action: 'services' }),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ error: 'Invalid API key' });
    }
  });

  it('no action, an unknown action, unreadable bodies → the customary texts', async () => {
    expect((await v2Form(app, { key: r.key })).json()).toEqual({ error: 'Incorrect request' });
    expect((await v2Json(app, { key: r.key, action: 'steal' })).json()).toEqual({
      error: 'Incorrect action',
    });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v2',
      headers: { 'content-type': 'application/json' },
      payload: '{"key":',
    });
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toEqual({ error: 'Incorrect request' });
    expect((await v2Json(app, { key: r.key, action: 'balance', orders: [1, 2] })).json()).toEqual({
      error: 'Incorrect request',
    });
  });

  it('the JSON API keeps refusing form bodies (the form parser is the v2 route’s only)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a@b.c&password=x',
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('every transport means the same; every reply is {"error": string} or the answer', () => {
  const q = (params: Record<string, string | number>) =>
    new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

  it('GET with a query string, POST with the fields in the URL, multipart, form and JSON', async () => {
    const fields = { key: r.key, action: 'balance' };
    const boundary = 'x-boundary-1';
    const multipart = Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('')
      .concat(`--${boundary}--\r\n`);
    const replies = [
      await app.inject({ method: 'GET', url: `/api/v2?${q(fields)}` }),
      await app.inject({ method: 'GET', url: `/api/v2/?${q(fields)}` }),
      await app.inject({ method: 'POST', url: `/api/v2?${q(fields)}` }),
      await app.inject({
        method: 'POST',
        url: `/api/v2?${q(fields)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: '',
      }),
      await app.inject({
        method: 'POST',
        url: '/api/v2',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: multipart,
      }),
      await v2Form(app, fields),
      await v2Json(app, fields),
    ];
    for (const res of replies) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ balance: await balanceOf(sql, r.userId), currency: 'USD' });
    }
    // The body wins a field both carry; numbers sent as JSON numbers or strings are the same.
    const mixed = await app.inject({
      method: 'POST',
      url: `/api/v2?${q({ key: 'wrong', action: 'balance' })}`,
      payload: fields,
    });
    expect(mixed.json()).toEqual({ balance: await balanceOf(sql, r.userId), currency: 'USD' });
    const asNumber = await v2Json(app, {
      key: r.key,
      action: 'add',
      service: sn(c.auto),
      link,
      quantity: 100,
    });
    const asString = await v2Json(app, {
      key: r.key,
      action: 'add',
      service: String(sn(c.auto)),
      link,
      quantity: '100',
    });
    expect(typeof asNumber.json().order).toBe('number');
    expect(asString.json().order).toBe(asNumber.json().order + 1);
  });

  it('404, 405, 413, 415 and unreadable bodies: {"error": "<text>"}, never the JSON API’s envelope', async () => {
    const cases = [
      [await app.inject({ method: 'GET', url: `/api/v2/orders?${q({ key: r.key })}` }), 404, 'Not found'],
      [await app.inject({ method: 'POST', url: '/api/v2/x/y', payload: { key: r.key } }), 404, 'Not found'],
      [
        await app.inject({ method: 'PUT', url: '/api/v2', payload: { key: r.key } }),
        405,
        'Method not allowed: use GET or POST',
      ],
      [await app.inject({ method: 'DELETE', url: '/api/v2' }), 405, 'Method not allowed: use GET or POST'],
      [
        await app.inject({
          method: 'POST',
          url: '/api/v2',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `key=${r.key}&action=balance&pad=${'x'.repeat(2_000_000)}`,
        }),
        200,
        'Incorrect request',
      ],
      [
        await app.inject({
          method: 'POST',
          url: '/api/v2',
          headers: { 'content-type': 'text/plain' },
          payload: 'key=1',
        }),
        200,
        'Incorrect request',
      ],
      [
        await app.inject({ method: 'GET', url: `/api/v2?key=${r.key}&key=${r.key}&action=balance` }),
        200,
        'Incorrect request',
      ],
    ] as const;
    for (const [res, status, error] of cases) {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toEqual({ error });
    }
  });
});

describe('services and balance', () => {
  it('lists the active catalog in the architecture.md#provider-api shape, priced in the key owner’s currency', async () => {
    const res = await v2Form(app, { key: r.key, action: 'services' });
    expect(res.statusCode).toBe(200);
    const list = res.json() as Array<Record<string, unknown>>;
    expect(list.find((s) => s.service === sn(c.auto))).toEqual({
      service: sn(c.auto),
      name: 'IG followers',
      type: 'Default',
      category: 'Instagram',
      rate: '0.900000',
      min: '10',
      max: '10000',
      refill: true,
      cancel: false,
      dripfeed: false,
      desc: '',
    });
    const ids = list.map((s) => s.service);
    expect(ids).not.toContain(sn(c.inactive));
    expect(ids).not.toContain(sn(c.inInactiveCat));
    const bdt = await reseller(app, sql, { currency: 'BDT' });
    const inBdt = (await v2Json(app, { key: bdt.key, action: 'services' })).json() as Array<{
      service: number;
      rate: string;
    }>;
    expect(inBdt.find((s) => s.service === sn(c.auto))?.rate).toBe('100.000000');
    expect(inBdt.find((s) => s.service === sn(c.usdOnly))?.rate).toBe('180.000000');
  });

  it('balance → {balance, currency}', async () => {
    const other = await reseller(app, sql, { balance: '12.5' });
    expect((await v2Json(app, { key: other.key, action: 'balance' })).json()).toEqual({
      balance: '12.500000',
      currency: 'USD',
    });
  });
});

describe('add', () => {
  it('form and JSON bodies place an order through the intake: priced, debited, ledger, pending', async () => {
    const before = await balanceOf(sql, r.userId);
    const res = await add({ service: sn(c.auto), link, quantity: 1000 });
    expect(res.statusCode).toBe(200);
    const { order } = res.json() as { order: number };
    expect(Number.isInteger(order) && order >= 1000).toBe(true);
    expect(await orderRow(order)).toMatchObject({
      userId: r.userId,
      quantity: 1000,
      price: '0.900000',
      status: 'pending',
    });
    const json = await v2Json(app, { key: r.key, action: 'add', service: sn(c.auto), link, quantity: 500 });
    expect(json.json()).toEqual({ order: expect.any(Number) });
    expect(await balanceOf(sql, r.userId)).toBe((Number(before) - 1.35).toFixed(6));
    expect(await ledgerMatchesBalance(sql, r.userId)).toBe(true);
  });

  it('drip-feed: quantity per run, charged for quantity × runs', async () => {
    const res = await add({ service: sn(c.inB), link, quantity: 100, runs: 3, interval: 15 });
    const o = await orderRow(res.json().order);
    expect(o).toMatchObject({ quantity: 100, runs: 3, interval: 15, price: '0.270000' });
    expect((await add({ service: sn(c.auto), link, quantity: 100, runs: 3, interval: 15 })).json()).toEqual({
      error: 'Drip-feed is disabled for this service',
    });
    expect((await add({ service: sn(c.inB), link, quantity: 100, runs: 0, interval: 15 })).json()).toEqual({
      error: 'Incorrect runs',
    });
    expect((await add({ service: sn(c.inB), link, quantity: 100, runs: 2, interval: 'x' })).json()).toEqual({
      error: 'Incorrect interval',
    });
    // The customer API's bounds (one run is no drip-feed; at most a day between runs).
    for (const [runs, interval, error] of [
      [1, 15, 'Incorrect runs'],
      [1001, 15, 'Incorrect runs'],
      [2, 1441, 'Incorrect interval'],
    ] as const) {
      expect((await add({ service: sn(c.inB), link, quantity: 100, runs, interval })).json()).toEqual({
        error,
      });
    }
    // Empty drip-feed fields, as many clients send them with every add, are no drip-feed.
    expect(
      (await add({ service: sn(c.auto), link, quantity: 100, runs: '', interval: '' })).json(),
    ).toHaveProperty('order');
  });

  it('Custom Comments: one comment per line, quantity = lines; Package: link only, flat price', async () => {
    const res = await add({ service: sn(comments), link, comments: 'great\n\n nice \r\nwow' });
    expect(await orderRow(res.json().order)).toMatchObject({
      quantity: 3,
      comments: 'great\nnice\nwow',
      price: '0.030000',
    });
    expect((await add({ service: sn(comments), link })).json()).toEqual({ error: 'Incorrect comments' });
    expect((await add({ service: sn(comments), link, comments: `ok\n${'x'.repeat(501)}` })).json()).toEqual({
      error: 'Comment 2 is longer than 500 characters',
    });
    const pkg = await add({ service: sn(c.pkg), link, quantity: 777 });
    expect(await orderRow(pkg.json().order)).toMatchObject({ quantity: 1, price: '0.500000' });
  });

  it('refuses bad input with the customary texts and changes nothing', async () => {
    const before = await counts(sql, r.userId);
    const cases: Array<[Record<string, string | number>, string]> = [
      [{ service: 'svc_00000000000000000000000000', link, quantity: 100 }, 'Incorrect service ID'],
      [{ service: '12', link, quantity: 100 }, 'Incorrect service ID'],
      [{ service: sn(c.inactive), link, quantity: 100 }, 'Incorrect service ID'],
      [{ service: sn(c.inInactiveCat), link, quantity: 100 }, 'Incorrect service ID'],
      [{ service: sn(c.auto), link: 'not a link', quantity: 100 }, 'Incorrect link'],
      [{ service: sn(c.auto), quantity: 100 }, 'Incorrect link'],
      [{ service: sn(c.auto), link, quantity: 'lots' }, 'Incorrect quantity'],
      [{ service: sn(c.auto), link }, 'Incorrect quantity'],
      [{ service: sn(c.auto), link, quantity: 9 }, 'Quantity less than minimal 10'],
      [{ service: sn(c.auto), link, quantity: 10001 }, 'Quantity more than maximal 10000'],
      [{ service: sn(c.auto), link, quantity: 10000, key: 'wrong' }, 'Invalid API key'],
    ];
    for (const [params, error] of cases) {
      const res = await add(params);
      expect(res.statusCode).toBe(200);
      expect(res.json(), JSON.stringify(params)).toEqual({ error });
    }
    const poor = await reseller(app, sql, { balance: '0.5' });
    const funds = await v2Form(app, {
      key: poor.key,
      action: 'add',
      service: sn(c.auto),
      link,
      quantity: 1000,
    });
    expect(funds.json()).toEqual({ error: 'Not enough funds on balance' });
    expect(await counts(sql, r.userId)).toEqual(before);
    expect(await balanceOf(sql, poor.userId)).toBe('0.500000');
  });
});

describe('status', () => {
  it('single: charge (price − refunds), start_count, status word, remains, currency', async () => {
    const id = (await add({ service: sn(c.auto), link, quantity: 1000 })).json().order as number;
    expect((await v2Form(app, { key: r.key, action: 'status', order: id })).json()).toEqual({
      charge: '0.900000',
      start_count: '0',
      status: 'Pending',
      remains: '1000',
      currency: 'USD',
    });
    await sql`update orders set status = 'partial', remains = 250, start_count = 40, provider_order_id = '9' where number = ${id}`;
    await refundOrder(sql, { orderId: await idOf(id), amount: '0.225000', note: 'partial' });
    expect((await v2Json(app, { key: r.key, action: 'status', order: id })).json()).toEqual({
      charge: '0.675000',
      start_count: '40',
      status: 'Partial',
      remains: '250',
      currency: 'USD',
    });
  });

  it('maps every status to the provider word', async () => {
    const id = (await add({ service: sn(c.auto), link, quantity: 100 })).json().order as number;
    const words: Record<string, string> = {
      submitting: 'Pending',
      needs_review: 'Pending',
      processing: 'Processing',
      in_progress: 'In progress',
      completed: 'Completed',
      canceled: 'Canceled',
    };
    for (const [status, word] of Object.entries(words)) {
      await sql`update orders set status = ${status} where number = ${id}`;
      expect((await v2Form(app, { key: r.key, action: 'status', order: id })).json().status).toBe(word);
    }
  });

  it('multi: keyed by id; unknown and other users’ ids are "Incorrect order ID"', async () => {
    const mine = (await add({ service: sn(c.auto), link, quantity: 100 })).json().order as number;
    const other = await reseller(app, sql);
    const theirs = (
      await v2Form(app, { key: other.key, action: 'add', service: sn(c.auto), link, quantity: 100 })
    ).json().order as number;
    const res = await v2Form(app, { key: r.key, action: 'status', orders: `${mine}, ${theirs},123` });
    expect(res.json()).toEqual({
      [mine]: { charge: '0.090000', start_count: '0', status: 'Pending', remains: '100', currency: 'USD' },
      [theirs]: { error: 'Incorrect order ID' },
      '123': { error: 'Incorrect order ID' },
    });
    expect((await v2Form(app, { key: r.key, action: 'status', order: theirs })).json()).toEqual({
      error: 'Incorrect order ID',
    });
    const many = Array.from({ length: 101 }, (_, i) => String(i + 1)).join(',');
    expect((await v2Form(app, { key: r.key, action: 'status', orders: many })).json()).toEqual({
      error: 'Too many orders: at most 100 per request',
    });
  });
});

describe('refill and refill_status', () => {
  async function finished(status = 'completed') {
    const id = (await add({ service: sn(c.auto), link, quantity: 100 })).json().order as number;
    await sql`update orders set status = ${status}, provider_order_id = ${`p-${id}`}, provider_id = ${c.providerId}
              where number = ${id}`;
    return id;
  }

  it('single: a refill id, then "already requested"; not finished / no refill / unknown → errors', async () => {
    const id = await finished();
    const res = await v2Form(app, { key: r.key, action: 'refill', order: id });
    const { refill } = res.json() as { refill: number };
    expect(Number.isInteger(refill) && refill >= 1000).toBe(true);
    const [row] = await sql`select status, order_id as "orderId" from refills where number = ${refill}`;
    expect(row).toEqual({ status: 'pending', orderId: await idOf(id) });
    expect((await v2Form(app, { key: r.key, action: 'refill', order: id })).json()).toEqual({
      error: 'Refill is already requested for this order',
    });
    const running = (await add({ service: sn(c.auto), link, quantity: 100 })).json().order as number;
    expect((await v2Form(app, { key: r.key, action: 'refill', order: running })).json()).toEqual({
      error: 'Order is not completed yet',
    });
    const noRefill = (await add({ service: sn(c.inB), link, quantity: 100 })).json().order as number;
    await sql`update services set refill = false where id = ${c.inB}`;
    expect((await v2Form(app, { key: r.key, action: 'refill', order: noRefill })).json()).toEqual({
      error: 'Refill is disabled for this service',
    });
    expect((await v2Form(app, { key: r.key, action: 'refill', order: 'ord_x' })).json()).toEqual({
      error: 'Incorrect order ID',
    });

    expect((await v2Form(app, { key: r.key, action: 'refill_status', refill })).json()).toEqual({
      status: 'Pending',
    });
    await sql`update refills set status = 'completed' where number = ${refill}`;
    expect((await v2Json(app, { key: r.key, action: 'refill_status', refill })).json()).toEqual({
      status: 'Completed',
    });
    expect((await v2Json(app, { key: r.key, action: 'refill_status', refill: 'rfl_nope' })).json()).toEqual({
      error: 'Refill not found',
    });
  });

  it('multi: lists with per-order and per-refill errors', async () => {
    const a = await finished('partial');
    const res = await v2Form(app, { key: r.key, action: 'refill', orders: `${a},ord_nope` });
    const list = res.json() as Array<{ order: number | string; refill: unknown }>;
    expect(list).toEqual([
      { order: a, refill: expect.any(Number) },
      { order: 'ord_nope', refill: { error: 'Incorrect order ID' } },
    ]);
    const refill = list[0]!.refill as number;
    expect(
      (await v2Form(app, { key: r.key, action: 'refill_status', refills: `${refill},rfl_nope` })).json(),
    ).toEqual([
      { refill, status: 'Pending' },
      { refill: 'rfl_nope', status: { error: 'Refill not found' } },
    ]);
  });
});

describe('cancel', () => {
  it('a pending order is canceled and refunded in full at once; finished/unknown → errors', async () => {
    const before = await balanceOf(sql, r.userId);
    const id = (await add({ service: sn(c.auto), link, quantity: 1000 })).json().order as number;
    const done = (await add({ service: sn(c.auto), link, quantity: 100 })).json().order as number;
    await sql`update orders set status = 'completed' where number = ${done}`;
    const res = await v2Form(app, { key: r.key, action: 'cancel', orders: `${id},${done},ord_nope` });
    expect(res.json()).toEqual([
      { order: id, cancel: 1 },
      { order: done, cancel: { error: 'Order is already finished' } },
      { order: 'ord_nope', cancel: { error: 'Incorrect order ID' } },
    ]);
    expect((await orderRow(id)).status).toBe('canceled');
    expect(await balanceOf(sql, r.userId)).toBe((Number(before) - 0.09).toFixed(6));
    expect(await ledgerMatchesBalance(sql, r.userId)).toBe(true);
    // Canceled again: nothing more to give back.
    expect((await v2Form(app, { key: r.key, action: 'cancel', order: id })).json()).toEqual({
      error: 'Order is already finished',
    });
  });

  it('an order at a provider gets a cancel request only if the service allows cancel', async () => {
    const id = (await add({ service: sn(comments), link, comments: 'a\nb' })).json().order as number;
    const noCancel = (await add({ service: sn(c.auto), link, quantity: 100 })).json().order as number;
    // Two orders at the provider, each with its own provider order id (one id belongs to one order).
    await sql`update orders set status = 'processing', provider_id = ${c.providerId},
                                provider_order_id = case when number = ${id} then '77' else '76' end
              where number in (${id}, ${noCancel})`;
    expect((await v2Form(app, { key: r.key, action: 'cancel', order: id })).json()).toEqual({ cancel: 1 });
    const [o] = await sql`select status, cancel_status as "cancelStatus" from orders where number = ${id}`;
    expect(o).toEqual({ status: 'processing', cancelStatus: 'pending' });
    expect((await v2Form(app, { key: r.key, action: 'cancel', order: id })).json()).toEqual({
      error: 'Cancel is already requested for this order',
    });
    expect((await v2Form(app, { key: r.key, action: 'cancel', order: noCancel })).json()).toEqual({
      error: 'Cancel is disabled for this service',
    });
  });
});

describe('customer refill and cancel routes (same code)', () => {
  it('cancel: pending → 200 refunded; at a provider → 202; another user’s order → 404', async () => {
    const id = await idOf((await add({ service: sn(c.auto), link, quantity: 1000 })).json().order as number);
    const res = await app.inject({
      method: 'POST',
      url: `/api/user/orders/${id}/cancel`,
      headers: bearer(r.token),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ success: true, status: 'canceled', refunded: '0.900000', currency: 'USD' });
    const again = await app.inject({
      method: 'POST',
      url: `/api/user/orders/${id}/cancel`,
      headers: bearer(r.token),
    });
    expect(again.statusCode).toBe(409);

    const live = await idOf(
      (await add({ service: sn(comments), link, comments: 'x' })).json().order as number,
    );
    await sql`update orders set status = 'in_progress', provider_order_id = '78', provider_id = ${c.providerId} where id = ${live}`;
    const other = await reseller(app, sql);
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/user/orders/${live}/cancel`,
      headers: bearer(other.token),
    });
    expect(foreign.statusCode).toBe(404);
    const asked = await app.inject({
      method: 'POST',
      url: `/api/user/orders/${live}/cancel`,
      headers: bearer(r.token),
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ success: true, status: 'cancel_requested' });
  });

  it('refill: 202 with the refill id; not finished → 422; twice → 409', async () => {
    const id = await idOf((await add({ service: sn(c.auto), link, quantity: 100 })).json().order as number);
    const url = `/api/user/orders/${id}/refill`;
    expect((await app.inject({ method: 'POST', url, headers: bearer(r.token) })).statusCode).toBe(422);
    await sql`update orders set status = 'completed', provider_order_id = '79', provider_id = ${c.providerId} where id = ${id}`;
    const ok = await app.inject({ method: 'POST', url, headers: bearer(r.token) });
    expect(ok.statusCode, ok.body).toBe(202);
    expect(ok.json()).toEqual({ success: true, refillId: expect.stringMatching(/^rfl_/), status: 'pending' });
    expect((await app.inject({ method: 'POST', url, headers: bearer(r.token) })).statusCode).toBe(409);
  });
});
