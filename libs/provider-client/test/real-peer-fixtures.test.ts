import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ProviderClient, ProviderError } from '../src/index.ts';
import { startCannedServer } from './canned-server.ts';

interface Fixture {
  action: string;
  http: number;
  content_type?: string;
  body: string;
  expect: string;
}
const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/real-peer-replies.json', import.meta.url), 'utf8'),
) as Record<string, Fixture>;
const names = Object.keys(fixtures).filter((k) => !k.startsWith('_'));

const server = await startCannedServer();
afterAll(() => server.close());
const client = new ProviderClient({
  apiUrl: server.url,
  apiKey: 'peer-key-0123456789',
  timeouts: { response: 2000, request: 3000 },
});

function serve(name: string): Fixture {
  const f = fixtures[name]!;
  server.reply({ status: f.http, contentType: f.content_type ?? 'application/json', body: f.body });
  return f;
}
async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProviderError);
    return e as ProviderError;
  }
  throw new Error('expected a ProviderError');
}
const anOrder = { service: '5', link: 'https://instagram.com/p/x', quantity: 100 };

/** One test per entry of real-peer-replies.json, over real HTTP; the first test keeps the list whole. */
const tested = new Set<string>();
function entry(name: string, fn: () => Promise<void>) {
  tested.add(name);
  it(name, fn);
}

describe('replies recorded from a real panel and from hostile providers', () => {
  it('every fixture has a test', () => {
    expect(names.filter((n) => !tested.has(n))).toEqual([]);
    expect(names.length).toBe(20);
  });

  entry('services.null-desc', async () => {
    serve('services.null-desc');
    const r = await client.services();
    expect(r.skipped).toBe(0);
    expect(r.services).toEqual([
      {
        service: '3',
        name: 'SP Instagram Likes',
        type: 'Default',
        category: 'Instagram',
        rate: '1.2',
        min: 10,
        max: 10000,
        refill: false,
        cancel: false,
        dripfeed: false,
        description: null,
      },
    ]);
  });

  entry('add.package-needs-quantity', async () => {
    serve('add.package-needs-quantity');
    const e = await failure(client.add({ service: '5', link: anOrder.link }));
    expect(e.kind).toBe('rejected_hard');
    expect(e.providerMessage).toBe('Quantity is required');
  });

  for (const [name, kind, fault] of [
    ['add.status-error-message', 'rejected_hard', 'order'],
    ['add.account-disabled', 'rejected_soft', 'account'],
    ['add.success-false-message', 'rejected_hard', 'order'],
    ['add.ip-not-allowed', 'rejected_soft', 'account'],
    ['add.user-banned', 'rejected_soft', 'account'],
    ['add.429-json-rate-limit', 'rate_limited', 'rate_limit'],
  ] as const) {
    entry(name, async () => {
      serve(name);
      const e = await failure(client.add(anOrder));
      expect(e.kind).toBe(kind);
      expect(e.fault).toBe(fault);
      expect(e.retryableForAdd).toBe(kind === 'rate_limited');
    });
  }

  for (const [name, id] of [
    ['add.id-with-429', '9001'],
    ['add.id-with-empty-error', '7001'],
    ['add.id-with-400', '7002'],
  ] as const) {
    entry(name, async () => {
      const f = serve(name);
      const r = await client.add(anOrder);
      expect(r.providerOrderId).toBe(id);
      expect(r.anomaly === null).toBe(f.http < 300);
    });
  }

  for (const name of ['add.id-and-error', 'add.4xx-json-without-error'] as const) {
    entry(name, async () => {
      serve(name);
      const e = await failure(client.add(anOrder));
      expect(e.kind).toBe('ambiguous');
      expect(e.retryableForAdd).toBe(false);
    });
  }

  entry('add.duplicate-id', async () => {
    // The client reports what the provider said, twice; the forwarder's write refuses the second (tested there).
    serve('add.duplicate-id');
    expect((await client.add(anOrder)).providerOrderId).toBe('5501');
    expect((await client.add({ ...anOrder, link: 'https://instagram.com/p/y' })).providerOrderId).toBe(
      '5501',
    );
  });

  entry('status.pending-remains-zero', async () => {
    serve('status.pending-remains-zero');
    expect(await client.status('1')).toEqual({
      ok: true,
      value: {
        status: 'Pending',
        charge: '0.12',
        startCount: null,
        remains: 0,
        remainsRaw: '0',
        currency: 'USD',
      },
    });
  });

  entry('status.dripfeed-no-remains', async () => {
    serve('status.dripfeed-no-remains');
    expect(await client.status('1')).toEqual({
      ok: true,
      value: {
        status: 'Partial',
        charge: null,
        startCount: null,
        remains: null,
        remainsRaw: null,
        currency: null,
      },
    });
  });

  entry('status.package-partial', async () => {
    serve('status.package-partial');
    expect(await client.status('1')).toMatchObject({
      ok: true,
      value: { status: 'Partial', charge: '9.9', startCount: 0, remains: 10 },
    });
  });

  entry('status.multi-bare-string-error', async () => {
    serve('status.multi-bare-string-error');
    const r = await client.multiStatus(['1001', '1006']);
    expect(r.get('1001')).toMatchObject({
      ok: true,
      value: { status: 'In progress', remains: 40, startCount: 12 },
    });
    expect(r.get('1006')).toEqual({ ok: false, error: 'Incorrect order ID' });
  });

  entry('refill.unsupported', async () => {
    serve('refill.unsupported');
    // The provider refused this refill request: data for the caller, which rejects it without retrying.
    expect(await client.refill('1')).toEqual({ ok: false, error: 'This action is Invalid' });
  });

  entry('cancel.unsupported', async () => {
    serve('cancel.unsupported');
    const e = await failure(client.cancel(['1']));
    expect(e.kind).toBe('rejected_hard');
    expect(e.fault).toBe('unsupported');
  });
});
