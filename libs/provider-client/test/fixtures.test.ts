import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ProviderClient, ProviderError } from '../src/index.ts';
import { startCannedServer } from './canned-server.ts';

interface Fixture {
  action: string;
  http: number;
  contentType?: string;
  body: string;
  expect: string;
}
const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/smm-v2-replies.json', import.meta.url), 'utf8'),
) as Record<string, Fixture>;

const server = await startCannedServer();
afterAll(() => server.close());
const API_KEY = 'test-key-0123456789';
const client = new ProviderClient({
  apiUrl: server.url,
  apiKey: API_KEY,
  timeouts: { response: 2000, request: 3000 },
});

function serve(name: string) {
  const f = fixtures[name]!;
  server.reply({
    status: f.http,
    contentType: f.contentType ?? 'application/json',
    body: f.body,
    headers: retryHeaders(name),
  });
  return f;
}
function retryHeaders(name: string): Record<string, string> {
  return name === 'add.429-retry-after' ? { 'retry-after': '30' } : {};
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

describe('the 30 real reply shapes', () => {
  it('covers every fixture', () => {
    expect(Object.keys(fixtures).filter((k) => !k.startsWith('_'))).toHaveLength(30);
  });

  it('services.reference', async () => {
    serve('services.reference');
    const { services, skipped } = await client.services();
    expect(skipped).toBe(0);
    expect(services.map((s) => s.service)).toEqual(['1', '2']);
    expect(services[0]).toMatchObject({
      rate: '0.9',
      min: 50,
      max: 10000,
      refill: true,
      cancel: true,
      type: 'Default',
    });
    expect(services[1]).toMatchObject({
      rate: '8',
      type: 'Custom Comments',
      min: 10,
      max: 1500,
      refill: false,
    });
  });

  it('services.string-ids-dripfeed', async () => {
    serve('services.string-ids-dripfeed');
    const { services } = await client.services();
    expect(services[0]).toMatchObject({
      service: '151',
      type: 'Default',
      rate: '0.0125',
      dripfeed: true,
      refill: false,
      cancel: false,
      min: 100,
      max: 1000000,
      description: 'fast',
    });
  });

  it.each([
    ['add.reference', '23501'],
    ['add.string-id', '23501'],
    ['add.status-success', '151'],
  ])('%s → provider order id %s', async (name, id) => {
    serve(name);
    const r = await client.add({ service: '1', link: 'https://x.com/a', quantity: 100 });
    expect(r.providerOrderId).toBe(id);
  });

  it.each([
    ['add.error-funds-200', 'rejected_soft'],
    ['add.error-funds-402', 'rejected_soft'],
    ['add.error-active-link', 'rejected_soft'],
    ['add.error-service', 'rejected_hard'],
    ['add.error-min', 'rejected_hard'],
    ['add.error-key', 'rejected_soft'],
    ['add.cloudflare-503', 'ambiguous'],
    ['add.empty-503', 'rate_limited'],
    ['add.429-retry-after', 'rate_limited'],
  ])('%s → %s', async (name, kind) => {
    serve(name);
    const e = await failure(client.add({ service: '1', link: 'https://x.com/a', quantity: 100 }));
    expect(e.kind).toBe(kind);
    expect(e.retryableForAdd).toBe(kind === 'rate_limited' || kind === 'not_sent');
    if (name === 'add.429-retry-after') expect(e.retryAfterMs).toBe(30_000);
    if (name === 'add.error-key') expect(e.providerMessage).toBe('Invalid API key');
  });

  it('status.reference', async () => {
    serve('status.reference');
    expect(await client.status('1')).toEqual({
      ok: true,
      value: {
        status: 'Partial',
        charge: '0.27819',
        startCount: 3572,
        remains: 157,
        remainsRaw: '157',
        currency: 'USD',
      },
    });
  });

  it('status.float-cancelled keeps the charge exact', async () => {
    serve('status.float-cancelled');
    const r = await client.status('1');
    expect(r).toMatchObject({
      ok: true,
      value: { status: 'Cancelled', charge: '0.08011655652', startCount: 0, remains: 1000 },
    });
  });

  it('status.lowercase-unknown-remains', async () => {
    serve('status.lowercase-unknown-remains');
    const r = await client.status('151');
    expect(r).toMatchObject({
      ok: true,
      value: { status: 'processing', remains: null, remainsRaw: 'Unknown', startCount: 1200 },
    });
  });

  it('status.over-delivery', async () => {
    serve('status.over-delivery');
    expect(await client.status('1')).toMatchObject({
      ok: true,
      value: { status: 'Completed', remains: -25 },
    });
  });

  it('status.in-progress', async () => {
    serve('status.in-progress');
    expect(await client.status('1')).toMatchObject({
      ok: true,
      value: { status: 'In progress', remains: 400 },
    });
  });

  it('status.error is a per-order error, not a failed call', async () => {
    serve('status.error');
    expect(await client.status('1')).toEqual({ ok: false, error: 'Incorrect order ID' });
  });

  it('multistatus.keyed', async () => {
    serve('multistatus.keyed');
    const r = await client.multiStatus(['1', '10', '100']);
    expect(r.get('1')).toMatchObject({ ok: true, value: { status: 'Partial', remains: 157 } });
    expect(r.get('10')).toEqual({ ok: false, error: 'Incorrect order ID' });
    expect(r.get('100')).toMatchObject({ ok: true, value: { status: 'In progress' } });
  });

  it('multistatus.bare-string-error', async () => {
    serve('multistatus.bare-string-error');
    const r = await client.multiStatus(['123', '124']);
    expect(r.get('123')).toEqual({ ok: false, error: 'Incorrect order ID' });
    expect(r.get('124')).toMatchObject({ ok: true, value: { status: 'Completed' } });
  });

  it('multistatus.list keeps the currency', async () => {
    serve('multistatus.list');
    const r = await client.multiStatus(['7', '8']);
    expect(r.get('7')).toMatchObject({
      ok: true,
      value: { status: 'Completed', currency: 'BRL', charge: '0.3' },
    });
    expect(r.get('8')!.ok).toBe(false);
  });

  it('an id missing from a multi reply is an error for that id only', async () => {
    serve('multistatus.list');
    const r = await client.multiStatus(['7', '999']);
    expect(r.get('7')!.ok).toBe(true);
    expect(r.get('999')).toEqual({ ok: false, error: 'missing from the provider reply' });
  });

  it('refill.single and refill.multi', async () => {
    serve('refill.single');
    expect(await client.refill('5')).toEqual({ ok: true, value: '1' });
    serve('refill.multi');
    const r = await client.multiRefill(['1', '3']);
    expect(r.get('1')).toEqual({ ok: true, value: '1' });
    expect(r.get('3')).toEqual({ ok: false, error: 'Incorrect order ID' });
  });

  it('refill_status.single and refill_status.multi', async () => {
    serve('refill_status.single');
    expect(await client.refillStatus('1')).toEqual({ ok: true, value: 'Completed' });
    serve('refill_status.multi');
    const r = await client.multiRefillStatus(['1', '2', '3']);
    expect(r.get('1')).toEqual({ ok: true, value: 'Completed' });
    expect(r.get('2')).toEqual({ ok: true, value: 'Rejected' });
    expect(r.get('3')!.ok).toBe(false);
  });

  it('cancel.multi', async () => {
    serve('cancel.multi');
    const r = await client.cancel(['9', '2']);
    expect(r.get('9')).toEqual({ ok: false, error: 'Incorrect order ID' });
    expect(r.get('2')).toEqual({ ok: true, value: true });
  });

  it.each([
    ['balance.reference', '100.84292'],
    ['balance.number', '12.5'],
  ])('%s → %s USD', async (name, amount) => {
    serve(name);
    expect(await client.balance()).toEqual({ balance: amount, currency: 'USD' });
  });
});
