import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Quirk, type RunningSandbox, startSandbox } from '../src/index.ts';
import { callApi } from './support/http.ts';

interface Fixture {
  action: string;
  http: number;
  content_type?: string;
  body: string;
}
/** The replies the quirks mirror, as recorded (the provider client's own test fixtures). */
const recorded = JSON.parse(
  readFileSync(
    new URL('../../../libs/provider-client/test/fixtures/real-peer-replies.json', import.meta.url),
    'utf8',
  ),
) as Record<string, Fixture>;

/** Same keys, same kinds of values: what a client parses is the same shape. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? [] : [shapeOf(v[0])];
  if (v === null) return null;
  if (typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, shapeOf(x)]),
    );
  }
  return typeof v;
}

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ durationMs: 60_000 });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

function withQuirk(quirk: Quirk, action?: string) {
  sb.setFaults({ ...(action ? { match: { action } } : {}), quirks: [quirk] });
}
const add = (params: Record<string, string | number> = {}) =>
  callApi(sb, { action: 'add', service: 1, link: `https://ig/${Math.random()}`, quantity: 100, ...params });

describe('sandbox quirk modes mirror the recorded replies', () => {
  it('services-nulls → services.null-desc: pretty-printed JSON as text/html, nulls and strings', async () => {
    withQuirk('services-nulls');
    const reply = await callApi(sb, { action: 'services' });
    const f = recorded['services.null-desc']!;
    expect(reply.headers.get('content-type')).toBe(f.content_type);
    expect(reply.text).toMatch(/^\[\n {4}\{/);
    expect(shapeOf((reply.json as unknown[])[0])).toEqual(shapeOf((JSON.parse(f.body) as unknown[])[0]));
  });

  for (const [quirk, name] of [
    ['id-with-429', 'add.id-with-429'],
    ['id-with-400', 'add.id-with-400'],
    ['id-with-empty-error', 'add.id-with-empty-error'],
    ['id-and-error', 'add.id-and-error'],
    ['json-4xx-without-error', 'add.4xx-json-without-error'],
  ] as const) {
    it(`${quirk} → ${name}: the order is created, the reply is the recorded one`, async () => {
      withQuirk(quirk, 'add');
      const f = recorded[name]!;
      const reply = await add();
      expect(reply.status).toBe(f.http);
      expect(shapeOf(reply.json)).toEqual(shapeOf(JSON.parse(f.body)));
      expect(sb.stats().orders).toBe(1);
      if (name === 'add.id-and-error')
        expect(reply.json).toMatchObject({ error: 'Service temporarily unavailable' });
    });
  }

  it('repeat-order-id → add.duplicate-id: two orders created, both replies name the first id', async () => {
    const first = await add();
    withQuirk('repeat-order-id', 'add');
    const second = await add();
    expect(sb.stats().orders).toBe(2);
    expect((second.json as { order: number }).order).toBe((first.json as { order: number }).order);
  });

  for (const [quirk, name] of [
    ['status-error-message', 'add.status-error-message'],
    ['success-false-message', 'add.success-false-message'],
  ] as const) {
    it(`${quirk} → ${name}: a refusal in that shape, nothing created`, async () => {
      withQuirk(quirk, 'add');
      const reply = await add({ service: 999 });
      expect(reply.status).toBe(200);
      expect(shapeOf(reply.json)).toEqual(shapeOf(JSON.parse(recorded[name]!.body)));
      expect(sb.stats().orders).toBe(0);
    });
  }

  it('package-needs-quantity → add.package-needs-quantity: a package add without quantity is refused', async () => {
    withQuirk('package-needs-quantity', 'add');
    const without = await callApi(sb, { action: 'add', service: 5, link: 'https://ig/pkg' });
    expect(without.json).toEqual(JSON.parse(recorded['add.package-needs-quantity']!.body));
    const withOne = await callApi(sb, { action: 'add', service: 5, link: 'https://ig/pkg', quantity: 1 });
    expect(withOne.json).toMatchObject({ order: expect.any(Number) });
  });

  it('pending-remains-zero → status.pending-remains-zero', async () => {
    const id = (await add()).json as { order: number };
    withQuirk('pending-remains-zero', 'status');
    const reply = await callApi(sb, { action: 'status', order: id.order });
    const f = JSON.parse(recorded['status.pending-remains-zero']!.body);
    expect(reply.json).toMatchObject({ status: 'Pending', remains: '0', start_count: null });
    expect(shapeOf(reply.json)).toEqual(shapeOf(f));
  });

  it('dripfeed-no-remains → status.dripfeed-no-remains (drip-feed orders only)', async () => {
    const drip = (
      await callApi(sb, {
        action: 'add',
        service: 3,
        link: 'https://yt/drip',
        quantity: 100,
        runs: 3,
        interval: 10,
      })
    ).json as { order: number };
    const plain = (await add()).json as { order: number };
    withQuirk('dripfeed-no-remains', 'status');
    const reply = await callApi(sb, { action: 'status', orders: `${drip.order},${plain.order}` });
    const body = reply.json as Record<string, Record<string, unknown>>;
    expect(shapeOf(body[String(drip.order)])).toEqual(
      shapeOf(JSON.parse(recorded['status.dripfeed-no-remains']!.body)),
    );
    expect(body[String(plain.order)]).toHaveProperty('remains');
  });

  it('actions-invalid → refill.unsupported and cancel.unsupported', async () => {
    const id = (await add()).json as { order: number };
    withQuirk('actions-invalid');
    for (const [action, name] of [
      ['refill', 'refill.unsupported'],
      ['cancel', 'cancel.unsupported'],
    ] as const) {
      const reply = await callApi(sb, { action, order: id.order });
      expect(reply.json).toEqual(JSON.parse(recorded[name]!.body));
    }
  });
});
