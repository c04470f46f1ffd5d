import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../src/index.ts';
import { callApi } from './support/http.ts';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ balance: '100.00' });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

describe('key and action checks', () => {
  it('refuses a wrong or missing key with "Invalid API key" and creates nothing', async () => {
    const wrong = await callApi(
      sb,
      { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 },
      { key: 'nope' },
    );
    const missing = await callApi(sb, { action: 'balance' }, { key: null });
    expect(wrong).toMatchObject({ status: 200, json: { error: 'Invalid API key' } });
    expect(missing.json).toEqual({ error: 'Invalid API key' });
    expect(sb.stats().orders).toBe(0);
  });

  it('accepts any of several configured keys', async () => {
    const multi = await startSandbox({ apiKey: ['k1', 'k2'] });
    try {
      expect((await callApi(multi, { action: 'balance' }, { key: 'k2' })).json).toMatchObject({
        currency: 'USD',
      });
      expect((await callApi(multi, { action: 'balance' }, { key: 'k3' })).json).toEqual({
        error: 'Invalid API key',
      });
    } finally {
      await multi.close();
    }
  });

  it('answers a missing action with "Incorrect request" and an unknown one with "Incorrect action"', async () => {
    expect((await callApi(sb, {})).json).toEqual({ error: 'Incorrect request' });
    expect((await callApi(sb, { action: 'teleport' })).json).toEqual({ error: 'Incorrect action' });
  });

  it('reads JSON numbers and lists like their form-encoded strings', async () => {
    await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 });
    const reply = await fetch(sb.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: sb.apiKey, action: 'status', orders: [1, 2] }),
    });
    expect(await reply.json()).toEqual({
      '1': expect.objectContaining({ status: 'Completed' }),
      '2': { error: 'Incorrect order ID' },
    });
    const comments = await fetch(sb.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        key: sb.apiKey,
        action: 'add',
        service: 4,
        link: 'https://ig/p',
        comments: ['a', 'b'],
      }),
    });
    expect(await comments.json()).toEqual({ order: 2 });
    expect(sb.order(2)?.quantity).toBe(2);
  });

  it('accepts JSON bodies, query strings and the bare / path too', async () => {
    const json = await callApi(sb, { action: 'balance' }, { asJson: true });
    const viaQuery = await fetch(`${sb.apiUrl}?key=${sb.apiKey}&action=balance`);
    const root = await fetch(`${sb.url}/`, {
      method: 'POST',
      body: new URLSearchParams({ key: sb.apiKey, action: 'balance' }),
    });
    expect(json.json).toEqual({ balance: '100.00', currency: 'USD' });
    expect(await viaQuery.json()).toEqual({ balance: '100.00', currency: 'USD' });
    expect(await root.json()).toEqual({ balance: '100.00', currency: 'USD' });
  });
});

describe('services', () => {
  it('lists the catalog in the reference shape, ids as numbers and money as strings', async () => {
    const reply = await callApi(sb, { action: 'services' });
    const list = reply.json as Array<Record<string, unknown>>;
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list[0]).toEqual({
      service: 1,
      name: 'Instagram Followers [Refill 30 days]',
      type: 'Default',
      category: 'Instagram Followers',
      rate: '0.90',
      min: '50',
      max: '10000',
      refill: true,
      cancel: true,
      dripfeed: false,
    });
    expect(new Set(list.map((s) => s.type))).toEqual(new Set(['Default', 'Package', 'Custom Comments']));
    expect(list.some((s) => s.dripfeed === true)).toBe(true);
  });

  it('serves a custom catalog', async () => {
    const custom = await startSandbox({
      catalog: [{ service: 77, name: 'Views', category: 'YouTube', rate: '0.0125', min: 100, max: 1000 }],
    });
    try {
      const list = (await callApi(custom, { action: 'services' })).json as Array<Record<string, unknown>>;
      expect(list).toEqual([
        expect.objectContaining({
          service: 77,
          type: 'Default',
          rate: '0.0125',
          refill: false,
          cancel: false,
        }),
      ]);
    } finally {
      await custom.close();
    }
  });
});

describe('add', () => {
  it('creates a Default order, returns its numeric id and debits rate × quantity / 1000', async () => {
    const reply = await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 1000 });
    expect(reply).toMatchObject({ status: 200, json: { order: 1 } });
    expect(sb.balance()).toBe('99.10');
    const next = await callApi(sb, { action: 'add', service: 6, link: 'https://tt/v', quantity: 333 });
    expect(next.json).toEqual({ order: 2 });
    // 0.0125 × 333 / 1000 = 0.0041625 → 0.004163 (half-up, 6 decimals); 99.10 − 0.004163
    expect(sb.balance()).toBe('99.095837');
  });

  it('rejects an unknown service, a missing link and a bad quantity with the panel texts', async () => {
    expect((await callApi(sb, { action: 'add', service: 999, link: 'x', quantity: 100 })).json).toEqual({
      error: 'Incorrect service ID',
    });
    expect((await callApi(sb, { action: 'add', service: 'abc', link: 'x', quantity: 100 })).json).toEqual({
      error: 'Incorrect service ID',
    });
    expect((await callApi(sb, { action: 'add', service: 1, quantity: 100 })).json).toEqual({
      error: 'Incorrect link',
    });
    expect((await callApi(sb, { action: 'add', service: 1, link: 'x', quantity: '12.5' })).json).toEqual({
      error: 'Incorrect quantity',
    });
    expect(sb.stats().orders).toBe(0);
  });

  it('checks min and max', async () => {
    const low = await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 49 });
    const high = await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 10001 });
    const edge = await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 50 });
    expect(low.json).toEqual({ error: 'Quantity less than minimal 50' });
    expect(high.json).toEqual({ error: 'Quantity more than maximal 10000' });
    expect(edge.json).toEqual({ order: 1 });
  });

  it('refuses an order the balance cannot pay, and takes one that costs exactly the balance', async () => {
    sb.setBalance('0.045');
    const tooMuch = await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 51 });
    expect(tooMuch.json).toEqual({ error: 'Not enough funds on balance' });
    const exact = await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 50 });
    expect(exact.json).toEqual({ order: 1 });
    expect(sb.balance()).toBe('0.00');
  });

  it('charges a Package its flat rate and ignores the quantity sent', async () => {
    const reply = await callApi(sb, { action: 'add', service: 5, link: 'https://ig/p', quantity: 5000 });
    expect(reply.json).toEqual({ order: 1 });
    expect(sb.balance()).toBe('97.50');
    expect(sb.order(1)).toMatchObject({ quantity: 1, charge: '2.500000' });
  });

  it('counts Custom Comments lines as the quantity, skipping blank lines', async () => {
    const reply = await callApi(sb, {
      action: 'add',
      service: 4,
      link: 'https://ig/post',
      comments: 'Nice!\r\nGreat shot\n\nLove it\n',
    });
    expect(reply.json).toEqual({ order: 1 });
    expect(sb.order(1)?.quantity).toBe(3);
    expect(sb.balance()).toBe('99.976');
    const none = await callApi(sb, { action: 'add', service: 4, link: 'https://ig/post', comments: '\n \n' });
    expect(none.json).toEqual({ error: 'Incorrect comments' });
  });

  it('takes drip-feed runs and interval on a drip-feed service and charges every run', async () => {
    const reply = await callApi(sb, {
      action: 'add',
      service: 3,
      link: 'https://yt/v',
      quantity: 1000,
      runs: 4,
      interval: 30,
    });
    expect(reply.json).toEqual({ order: 1 });
    expect(sb.order(1)?.quantity).toBe(4000);
    expect(sb.balance()).toBe('95.00');
    const notDrip = await callApi(sb, {
      action: 'add',
      service: 1,
      link: 'x',
      quantity: 100,
      runs: 2,
      interval: 5,
    });
    expect(notDrip.json).toEqual({ error: 'Drip-feed is disabled for this service' });
    const badRuns = await callApi(sb, {
      action: 'add',
      service: 3,
      link: 'x',
      quantity: 100,
      runs: 0,
      interval: 5,
    });
    expect(badRuns.json).toEqual({ error: 'Incorrect runs' });
  });

  it('can refuse a second order for a link whose order is still running', async () => {
    const strict = await startSandbox({ rejectActiveLink: true, durationMs: 60_000 });
    try {
      const first = await callApi(strict, {
        action: 'add',
        service: 1,
        link: 'https://ig/same',
        quantity: 100,
      });
      const second = await callApi(strict, {
        action: 'add',
        service: 1,
        link: 'https://ig/same',
        quantity: 100,
      });
      const other = await callApi(strict, {
        action: 'add',
        service: 1,
        link: 'https://ig/other',
        quantity: 100,
      });
      expect(first.json).toEqual({ order: 1 });
      expect(second.json).toEqual({
        error: 'You have active order with this link. Please wait until order being completed.',
      });
      expect(other.json).toEqual({ order: 2 });
    } finally {
      await strict.close();
    }
  });
});

describe('status', () => {
  it('reports one order with charge, start_count, status, remains and currency as strings', async () => {
    await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 300 });
    const reply = await callApi(sb, { action: 'status', order: 1 });
    expect(reply.json).toEqual({
      charge: '0.27',
      start_count: expect.stringMatching(/^\d+$/),
      status: 'Completed',
      remains: '0',
      currency: 'USD',
    });
    expect((await callApi(sb, { action: 'status', order: 42 })).json).toEqual({
      error: 'Incorrect order ID',
    });
  });

  it('answers a multi-status keyed by id, with an error entry for unknown ids', async () => {
    await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 });
    await callApi(sb, { action: 'add', service: 2, link: 'https://ig/b', quantity: 100 });
    const reply = await callApi(sb, { action: 'status', orders: '1, 10,2' });
    expect(reply.json).toEqual({
      '1': expect.objectContaining({ status: 'Completed', charge: '0.09' }),
      '10': { error: 'Incorrect order ID' },
      '2': expect.objectContaining({ status: 'Completed', charge: '0.015' }),
    });
  });

  it('refuses more than 100 ids in one multi-status', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    const reply = await callApi(sb, { action: 'status', orders: ids });
    expect(reply.json).toEqual({ error: expect.stringContaining('100') });
  });
});

describe('refill and refill_status', () => {
  it('refills a finished order of a refill service, single and multi', async () => {
    await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 });
    await callApi(sb, { action: 'add', service: 2, link: 'https://ig/b', quantity: 100 });
    const single = await callApi(sb, { action: 'refill', order: 1 });
    expect(single.json).toEqual({ refill: '1' });
    const multi = await callApi(sb, { action: 'refill', orders: '1,3,2' });
    expect(multi.json).toEqual([
      { order: 1, refill: 2 },
      { order: 3, refill: { error: 'Incorrect order ID' } },
      { order: 2, refill: { error: 'Refill is disabled for this service' } },
    ]);
  });

  it('reports refill statuses, single and multi, with an error for unknown refills', async () => {
    await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 });
    await callApi(sb, { action: 'refill', order: 1 });
    expect((await callApi(sb, { action: 'refill_status', refill: 1 })).json).toEqual({ status: 'Completed' });
    expect((await callApi(sb, { action: 'refill_status', refill: 9 })).json).toEqual({
      error: 'Refill not found',
    });
    expect((await callApi(sb, { action: 'refill_status', refills: '1,9' })).json).toEqual([
      { refill: 1, status: 'Completed' },
      { refill: 9, status: { error: 'Refill not found' } },
    ]);
  });

  it('will not refill an order that is still running', async () => {
    const slow = await startSandbox({ durationMs: 60_000 });
    try {
      await callApi(slow, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 });
      expect((await callApi(slow, { action: 'refill', order: 1 })).json).toEqual({
        error: 'Order is not completed yet',
      });
    } finally {
      await slow.close();
    }
  });
});

describe('cancel', () => {
  it('cancels running orders in a list reply, refunding them, and refuses unknown ids', async () => {
    const slow = await startSandbox({ durationMs: 60_000, balance: '10' });
    try {
      await callApi(slow, { action: 'add', service: 1, link: 'https://ig/a', quantity: 1000 });
      expect(slow.balance()).toBe('9.10');
      const reply = await callApi(slow, { action: 'cancel', orders: '9,1' });
      expect(reply.json).toEqual([
        { order: 9, cancel: { error: 'Incorrect order ID' } },
        { order: 1, cancel: 1 },
      ]);
      expect((await callApi(slow, { action: 'status', order: 1 })).json).toMatchObject({
        status: 'Canceled',
        remains: '1000',
        charge: '0.00',
      });
      expect(slow.balance()).toBe('10.00');
    } finally {
      await slow.close();
    }
  });

  it('refuses to cancel a finished order or one of a service without cancel', async () => {
    await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 });
    await callApi(sb, { action: 'add', service: 5, link: 'https://ig/p' });
    const reply = await callApi(sb, { action: 'cancel', orders: '1,2' });
    expect(reply.json).toEqual([
      { order: 1, cancel: { error: 'Order is already finished' } },
      { order: 2, cancel: { error: 'Cancel is disabled for this service' } },
    ]);
  });
});

describe('balance', () => {
  it('reports the balance as a decimal string with the currency', async () => {
    const eur = await startSandbox({ balance: '100.84292', currency: 'EUR' });
    try {
      expect((await callApi(eur, { action: 'balance' })).json).toEqual({
        balance: '100.84292',
        currency: 'EUR',
      });
    } finally {
      await eur.close();
    }
  });
});
