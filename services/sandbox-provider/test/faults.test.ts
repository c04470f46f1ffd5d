import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../src/index.ts';
import { adminCall, callApi, fetchFailure } from './support/http.ts';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ durationMs: 60_000 });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const addFollowers = (link: string, opts: { signal?: AbortSignal } = {}) =>
  callApi(sb, { action: 'add', service: 1, link, quantity: 100 }, opts);

describe('answers instead of the panel (request not processed)', () => {
  it('429 with Retry-After and an empty body', async () => {
    sb.setFaults({ match: { action: 'add' }, effect: { type: 'rate-limit', retryAfterSec: 30 } });
    const reply = await addFollowers('https://ig/a');
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('30');
    expect(reply.text).toBe('');
    expect(sb.stats().orders).toBe(0);
    expect(sb.addCalls('https://ig/a')).toEqual({ total: 1, accepted: 0 });
  });

  it('503 with an empty body', async () => {
    sb.setFaults({ effect: { type: 'unavailable' } });
    const reply = await addFollowers('https://ig/a');
    expect(reply).toMatchObject({ status: 503, text: '' });
    expect(sb.stats().orders).toBe(0);
  });

  it('5xx with a body', async () => {
    sb.setFaults({ effect: { type: 'server-error', status: 502, body: 'Bad gateway, try later' } });
    const reply = await addFollowers('https://ig/a');
    expect(reply).toMatchObject({ status: 502, text: 'Bad gateway, try later' });
  });

  it('a Cloudflare "Just a moment..." HTML page with 503', async () => {
    sb.setFaults({ effect: { type: 'html' } });
    const reply = await callApi(sb, { action: 'status', order: 1 });
    expect(reply.status).toBe(503);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.text).toContain('<title>Just a moment...</title>');
    expect(reply.json).toBeUndefined();
  });

  it('a provider error reply with a chosen HTTP status', async () => {
    sb.setFaults({
      match: { action: 'add' },
      effect: { type: 'error-reply', error: 'Not enough funds on balance', status: 402 },
    });
    const reply = await addFollowers('https://ig/a');
    expect(reply).toMatchObject({ status: 402, json: { error: 'Not enough funds on balance' } });
    expect(sb.stats().orders).toBe(0);
  });
});

describe('latency', () => {
  it('delays matching requests only', async () => {
    sb.setFaults({ match: { action: 'balance' }, latencyMs: 300 });
    let start = performance.now();
    await callApi(sb, { action: 'balance' });
    expect(performance.now() - start).toBeGreaterThanOrEqual(290);
    start = performance.now();
    await callApi(sb, { action: 'services' });
    expect(performance.now() - start).toBeLessThan(250);
  });
});

describe('connection faults', () => {
  it('timeout-after-accept: the order is created and counted, the reply never comes', async () => {
    sb.setFaults({ match: { action: 'add' }, effect: { type: 'timeout-after-accept' } });
    const failure = await fetchFailure(addFollowers('https://ig/slow', { signal: AbortSignal.timeout(300) }));
    expect(failure).toMatch(/TimeoutError|AbortError/);
    expect(sb.addCalls('https://ig/slow')).toEqual({ total: 1, accepted: 1 });
    expect(sb.order(1)).toMatchObject({ link: 'https://ig/slow', quantity: 100 });
    expect(sb.balance()).toBe('999.91');
  });

  it('timeout-after-accept with holdMs closes the socket after the hold', async () => {
    sb.setFaults({ match: { action: 'add' }, effect: { type: 'timeout-after-accept', holdMs: 150 } });
    const start = performance.now();
    const failure = await fetchFailure(addFollowers('https://ig/held'));
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    expect(failure).not.toMatch(/Timeout|Abort/);
    expect(sb.addCalls('https://ig/held').accepted).toBe(1);
  });

  it('drop-before: socket destroyed after reading the request, no order created', async () => {
    sb.setFaults({ match: { action: 'add' }, effect: { type: 'drop-before' } });
    const failure = await fetchFailure(addFollowers('https://ig/drop'));
    expect(failure).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    expect(sb.addCalls('https://ig/drop')).toEqual({ total: 1, accepted: 0 });
    expect(sb.stats().orders).toBe(0);
  });

  it('drop-after: the order is created, then the socket is destroyed without a reply', async () => {
    sb.setFaults({ match: { action: 'add' }, effect: { type: 'drop-after' } });
    const failure = await fetchFailure(addFollowers('https://ig/drop'));
    expect(failure).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    expect(sb.addCalls('https://ig/drop')).toEqual({ total: 1, accepted: 1 });
    expect(sb.order(1)?.link).toBe('https://ig/drop');
  });
});

describe('rule matching', () => {
  it('a pattern rule hits only its link; a global rule hits every action', async () => {
    sb.setFaults({ match: { action: 'add', linkIncludes: 'flaky' }, effect: { type: 'unavailable' } });
    expect((await addFollowers('https://ig/flaky-1')).status).toBe(503);
    expect((await addFollowers('https://ig/fine')).json).toEqual({ order: 1 });
    expect((await callApi(sb, { action: 'balance' })).status).toBe(200);

    sb.setFaults({ effect: { type: 'unavailable' } });
    expect((await addFollowers('https://ig/fine')).status).toBe(503);
    expect((await callApi(sb, { action: 'balance' })).status).toBe(503);
    expect((await callApi(sb, { action: 'services' })).status).toBe(503);
  });

  it('matches by service, and a single-order request by its order’s link', async () => {
    await addFollowers('https://ig/watched');
    await callApi(sb, { action: 'add', service: 2, link: 'https://ig/likes', quantity: 100 });
    sb.setFaults([
      { match: { action: 'add', service: 2 }, effect: { type: 'unavailable' } },
      { match: { action: 'status', linkIncludes: 'watched' }, effect: { type: 'html' } },
    ]);
    expect(
      (await callApi(sb, { action: 'add', service: 2, link: 'https://ig/x', quantity: 100 })).status,
    ).toBe(503);
    expect((await addFollowers('https://ig/y')).status).toBe(200);
    expect((await callApi(sb, { action: 'status', order: 1 })).status).toBe(503);
    expect((await callApi(sb, { action: 'status', order: 2 })).status).toBe(200);
  });

  it('times: fails the first N matching requests, then recovers', async () => {
    sb.setFaults({ match: { action: 'add' }, times: 2, effect: { type: 'rate-limit', retryAfterSec: 1 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await addFollowers('https://ig/retry')).status);
    expect(statuses).toEqual([429, 429, 200, 200]);
    expect(sb.addCalls('https://ig/retry')).toEqual({ total: 4, accepted: 2 });
  });

  it('rate: hits about that share of requests, the same ones for the same seed', async () => {
    const run = async (target: RunningSandbox) => {
      target.setFaults({ match: { action: 'balance' }, rate: 0.3, effect: { type: 'unavailable' } });
      const out: number[] = [];
      for (let i = 0; i < 60; i++) out.push((await callApi(target, { action: 'balance' })).status);
      return out;
    };
    const first = await run(sb);
    const hits = first.filter((s) => s === 503).length;
    expect(hits).toBeGreaterThan(6);
    expect(hits).toBeLessThan(32);
    sb.reset();
    expect(await run(sb)).toEqual(first);
  });
});

describe('quirky reply shapes', () => {
  it('string ids and numbers as JSON numbers', async () => {
    sb.setFaults({ quirks: ['string-ids', 'numbers'] });
    expect((await addFollowers('https://ig/a')).json).toEqual({ order: '1' });
    const st = (await callApi(sb, { action: 'status', order: 1 })).json as Record<string, unknown>;
    expect(st).toMatchObject({ charge: 0.09, remains: 100, status: 'Pending' });
    expect(typeof st.start_count).toBe('number');
    const services = (await callApi(sb, { action: 'services' })).json as Array<Record<string, unknown>>;
    expect(services[0]).toMatchObject({ service: '1', rate: 0.9, min: 50, max: 10000 });
    expect((await callApi(sb, { action: 'balance' })).json).toEqual({ balance: 999.91, currency: 'USD' });
  });

  it('Cancelled spelling, lower-case statuses, Unknown and negative remains', async () => {
    const quick = await startSandbox({
      outcomes: [
        { match: { linkIncludes: 'cancel' }, status: 'Canceled' },
        { match: { linkIncludes: 'slow' }, status: 'In progress', remains: 50 },
      ],
    });
    try {
      await callApi(quick, { action: 'add', service: 1, link: 'https://ig/cancel', quantity: 100 });
      await callApi(quick, { action: 'add', service: 1, link: 'https://ig/slow', quantity: 100 });
      await callApi(quick, { action: 'add', service: 1, link: 'https://ig/done', quantity: 1000 });
      quick.setFaults({ quirks: ['cancelled-spelling'] });
      expect((await callApi(quick, { action: 'status', order: 1 })).json).toMatchObject({
        status: 'Cancelled',
      });
      quick.setFaults({ quirks: ['lowercase-status'] });
      expect((await callApi(quick, { action: 'status', order: 2 })).json).toMatchObject({
        status: 'processing',
      });
      expect((await callApi(quick, { action: 'status', order: 3 })).json).toMatchObject({
        status: 'completed',
      });
      quick.setFaults({ quirks: ['unknown-remains'] });
      expect((await callApi(quick, { action: 'status', order: 2 })).json).toMatchObject({
        remains: 'Unknown',
      });
      quick.setFaults({ quirks: ['negative-remains'] });
      expect((await callApi(quick, { action: 'status', order: 3 })).json).toMatchObject({
        status: 'Completed',
        remains: '-10',
      });
    } finally {
      await quick.close();
    }
  });

  it('multi-status as a list, or with bare-string errors', async () => {
    await addFollowers('https://ig/a');
    sb.setFaults({ match: { action: 'status' }, quirks: ['multi-status-list'] });
    expect((await callApi(sb, { action: 'status', orders: '1,8' })).json).toEqual([
      {
        order: 1,
        charge: '0.09',
        start_count: expect.any(String),
        status: 'Pending',
        remains: '100',
        currency: 'USD',
      },
      { order: 8, error: 'Incorrect order ID' },
    ]);
    sb.setFaults({ match: { action: 'status' }, quirks: ['bare-string-errors'] });
    expect((await callApi(sb, { action: 'status', orders: '1,8' })).json).toEqual({
      '1': expect.objectContaining({ status: 'Pending' }),
      '8': 'Incorrect order ID',
    });
  });

  it('errors with HTTP 4xx, and the {"status":"success"} add and balance replies', async () => {
    sb.setFaults({ quirks: ['error-4xx', 'status-success'] });
    expect(await callApi(sb, { action: 'balance' }, { key: 'bad' })).toMatchObject({
      status: 401,
      json: { error: 'Invalid API key' },
    });
    expect(await callApi(sb, { action: 'add', service: 99, link: 'x', quantity: 1 })).toMatchObject({
      status: 400,
      json: { error: 'Incorrect service ID' },
    });
    sb.setBalance('0');
    expect(await addFollowers('https://ig/a')).toMatchObject({
      status: 402,
      json: { error: 'Not enough funds on balance' },
    });
    sb.setBalance('5');
    expect((await addFollowers('https://ig/a')).json).toEqual({ status: 'success', order: 1 });
    expect((await callApi(sb, { action: 'balance' })).json).toEqual({
      status: 'success',
      balance: '4.91',
      currency: 'USD',
    });
  });
});

describe('admin endpoints', () => {
  it('sets, lists and clears faults over HTTP', async () => {
    const put = await adminCall(sb, 'PUT', '/faults', {
      rules: [{ match: { action: 'add' }, effect: { type: 'unavailable' }, times: 1 }],
    });
    expect(put.status).toBe(200);
    expect((await addFollowers('https://ig/a')).status).toBe(503);
    const listed = await adminCall(sb, 'GET', '/faults');
    expect(listed.json).toMatchObject({ rules: [{ times: 1, remaining: 0 }] });
    await adminCall(sb, 'POST', '/faults', { effect: { type: 'html' } });
    expect((await callApi(sb, { action: 'balance' })).status).toBe(503);
    expect((await adminCall(sb, 'DELETE', '/faults')).status).toBe(200);
    expect((await callApi(sb, { action: 'balance' })).status).toBe(200);
  });

  it('refuses a malformed rule with 400 and the reason', async () => {
    const reply = await adminCall(sb, 'PUT', '/faults', [{ effect: { type: 'meteor' } }]);
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: 'invalid body' });
  });

  it('reports per-action and per-link add counters in /__admin/stats', async () => {
    sb.setFaults({
      match: { action: 'add', linkIncludes: 'once' },
      times: 1,
      effect: { type: 'drop-before' },
    });
    await fetchFailure(addFollowers('https://ig/once'));
    await addFollowers('https://ig/once');
    await addFollowers('https://ig/other');
    await callApi(sb, { action: 'status', orders: '1,2' });
    const stats = (await adminCall(sb, 'GET', '/stats')).json as Record<string, unknown>;
    expect(stats).toMatchObject({
      requests: { total: 4, byAction: { add: 3, status: 1 } },
      adds: {
        total: 3,
        accepted: 2,
        byTarget: [
          { service: '1', link: 'https://ig/once', total: 2, accepted: 1 },
          { service: '1', link: 'https://ig/other', total: 1, accepted: 1 },
        ],
      },
      faults: { 'drop-before': 1 },
      orders: 2,
      balance: '999.82',
    });
    const filtered = await adminCall(sb, 'GET', `/stats?link=${encodeURIComponent('https://ig/other')}`);
    expect((filtered.json as { adds: { byTarget: unknown[] } }).adds.byTarget).toHaveLength(1);
  });

  it('reset forgets orders, counters, faults and restores the balance', async () => {
    await addFollowers('https://ig/a');
    sb.setFaults({ match: { action: 'services' }, effect: { type: 'unavailable' } });
    expect((await adminCall(sb, 'POST', '/reset')).status).toBe(200);
    expect(sb.stats()).toMatchObject({ orders: 0, adds: { total: 0 }, requests: { total: 0 } });
    expect((await callApi(sb, { action: 'services' })).status).toBe(200);
    expect(sb.balance()).toBe('1000.00');
    expect((await addFollowers('https://ig/b')).json).toEqual({ order: 1 });
  });

  it('sets the balance and shows one order', async () => {
    expect((await adminCall(sb, 'PUT', '/balance', { balance: '1.5' })).json).toEqual({ balance: '1.50' });
    await addFollowers('https://ig/a');
    const order = await adminCall(sb, 'GET', '/orders/1');
    expect(order.json).toMatchObject({
      id: 1,
      service: 1,
      link: 'https://ig/a',
      quantity: 100,
      now: { status: 'Pending' },
    });
    expect((await adminCall(sb, 'GET', '/orders/77')).status).toBe(404);
  });

  it('requires the admin token when one is configured', async () => {
    const guarded = await startSandbox({ adminToken: 's3cret' });
    try {
      expect((await adminCall(guarded, 'GET', '/stats')).status).toBe(401);
      expect(
        (await adminCall(guarded, 'GET', '/stats', undefined, { 'x-admin-token': 'wrong' })).status,
      ).toBe(401);
      expect(
        (await adminCall(guarded, 'GET', '/stats', undefined, { 'x-admin-token': 's3cret' })).status,
      ).toBe(200);
      expect(
        (await adminCall(guarded, 'GET', '/stats', undefined, { authorization: 'Bearer s3cret' })).status,
      ).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
