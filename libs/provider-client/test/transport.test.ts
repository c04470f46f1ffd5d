import { afterAll, describe, expect, it } from 'vitest';
import {
  addParamsFor,
  classifyTransportFailure,
  ProviderClient,
  ProviderError,
  parseRetryAfter,
  UnsupportedServiceTypeError,
} from '../src/index.ts';
import { startCannedServer } from './canned-server.ts';

const server = await startCannedServer();
afterAll(() => server.close());
const API_KEY = 'super-secret-provider-key-42';
const client = new ProviderClient({
  apiUrl: server.url,
  apiKey: API_KEY,
  timeouts: { response: 500, request: 2000 },
  maxReplyBytes: 64 * 1024,
});

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProviderError);
    return e as ProviderError;
  }
  throw new Error('expected a ProviderError');
}
const add = (c = client) => c.add({ service: '1', link: 'https://x.com/a', quantity: 100 });

describe('requests', () => {
  it('POSTs form-encoded key, action and parameters', async () => {
    server.reply({ body: '{"order":1}' });
    await client.add({ service: '7', link: 'https://x.com/a?b=1&c=2', quantity: 500, runs: 5, interval: 10 });
    const req = server.seen.at(-1)!;
    expect(req.contentType).toMatch(/application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(req.form)).toEqual({
      key: API_KEY,
      action: 'add',
      service: '7',
      link: 'https://x.com/a?b=1&c=2',
      quantity: '500',
      runs: '5',
      interval: '10',
    });
  });

  it('sends multi-status ids comma separated and refuses more than 100', async () => {
    server.reply({ body: '{}' });
    await client.multiStatus(['1', '2', '3']);
    expect(server.seen.at(-1)!.form.get('orders')).toBe('1,2,3');
    await expect(client.multiStatus(Array.from({ length: 101 }, (_, i) => String(i + 1)))).rejects.toThrow(
      RangeError,
    );
  });

  it('never retries, even on a retryable failure', async () => {
    server.reply({ status: 503, body: '' });
    const before = server.seen.length;
    const e = await failure(add());
    expect(e.kind).toBe('rate_limited');
    expect(server.seen.length - before).toBe(1);
  });

  it('builds add parameters per service type', () => {
    const base = { providerServiceId: '9', link: 'https://x.com/p', quantity: 100 };
    // A Package sends quantity=1 whatever the line said: some providers refuse a package add without it.
    expect(addParamsFor({ ...base, serviceType: 'Package' })).toEqual({
      service: '9',
      link: 'https://x.com/p',
      quantity: 1,
    });
    expect(addParamsFor({ ...base, serviceType: 'custom comments package', comments: 'a\nb' })).toEqual({
      service: '9',
      link: 'https://x.com/p',
      quantity: 1,
      comments: 'a\nb',
    });
    // A type the panel cannot send correctly is never sent as Default.
    expect(() => addParamsFor({ ...base, serviceType: 'Poll' })).toThrow(UnsupportedServiceTypeError);
    expect(() => addParamsFor({ ...base, serviceType: 'Subscriptions' })).toThrow(/cannot be sent/);
    expect(addParamsFor({ ...base, serviceType: 'Custom Comments', comments: 'a\nb' })).toEqual({
      service: '9',
      link: 'https://x.com/p',
      comments: 'a\nb',
    });
    expect(addParamsFor({ ...base, serviceType: 'Default', runs: 3, interval: 15 })).toEqual({
      service: '9',
      link: 'https://x.com/p',
      quantity: 100,
      runs: 3,
      interval: 15,
    });
  });
});

describe('error classes over real sockets', () => {
  it('connection refused → not_sent', async () => {
    const closed = await startCannedServer();
    const url = closed.url;
    await closed.close();
    const e = await failure(add(new ProviderClient({ apiUrl: url, apiKey: API_KEY })));
    expect(e.kind).toBe('not_sent');
    expect(e.retryableForAdd).toBe(true);
  });

  it('timeout after the request was sent → ambiguous', async () => {
    server.reply({ hang: true });
    const e = await failure(add());
    expect(e.kind).toBe('ambiguous');
    expect(e.retryableForAdd).toBe(false);
    expect(e.message).toMatch(/timeout/);
  });

  it('connection dropped after the request was read → ambiguous', async () => {
    server.reply({ destroy: true });
    expect((await failure(add())).kind).toBe('ambiguous');
  });

  it('an HTML page with HTTP 200 → ambiguous', async () => {
    server.reply({ status: 200, contentType: 'text/html', body: '<html>maintenance</html>' });
    const e = await failure(add());
    expect(e.kind).toBe('ambiguous');
    expect(e.message).toMatch(/HTML/);
  });

  it('a 500 with a JSON body → ambiguous', async () => {
    server.reply({ status: 500, body: '{"message":"oops"}' });
    expect((await failure(add())).kind).toBe('ambiguous');
  });

  it('a 2xx reply of the wrong shape → ambiguous', async () => {
    server.reply({ body: '{"ok":true}' });
    expect((await failure(add())).kind).toBe('ambiguous');
  });

  it('an oversized reply is cut off → ambiguous', async () => {
    server.reply({ body: JSON.stringify({ order: 1, pad: 'x'.repeat(200_000) }) });
    const e = await failure(add());
    expect(e.kind).toBe('ambiguous');
    expect(e.code).toBe('TOO_LARGE');
  });

  it('{"error"} with a 4xx status is read as the provider refusing', async () => {
    server.reply({ status: 400, body: '{"error":"Incorrect service ID"}' });
    const e = await failure(add());
    expect(e.kind).toBe('rejected_hard');
    expect(e.httpStatus).toBe(400);
  });

  it('an account error in a status reply is a provider-wide failure, not a per-order one', async () => {
    server.reply({ body: '{"error":"Invalid API key"}' });
    expect((await failure(client.status('1'))).kind).toBe('rejected_soft');
    expect((await failure(client.multiStatus(['1', '2']))).kind).toBe('rejected_soft');
  });
});

describe('secrets', () => {
  it('the API key appears in no error, message, snippet or JSON form', async () => {
    const cases = [
      { status: 200, body: `{"error":"Invalid API key ${API_KEY}"}` },
      { status: 503, contentType: 'text/html', body: `<html>${API_KEY}</html>` },
      { hang: true },
    ];
    for (const c of cases) {
      server.reply(c);
      const e = await failure(add());
      const all = [
        e.message,
        e.stack ?? '',
        JSON.stringify(e),
        e.replySnippet ?? '',
        e.providerMessage ?? '',
      ].join('\n');
      expect(all).not.toContain(API_KEY);
    }
  });
});

describe('classifier units', () => {
  it('connect-phase timeouts and DNS failures are not_sent', () => {
    expect(classifyTransportFailure({ timeoutEvent: 'connect', connected: false })).toBe('not_sent');
    expect(classifyTransportFailure({ timeoutEvent: 'lookup', connected: false })).toBe('not_sent');
    expect(classifyTransportFailure({ code: 'ENOTFOUND', connected: false })).toBe('not_sent');
    expect(classifyTransportFailure({ code: 'EAI_AGAIN', connected: false })).toBe('not_sent');
  });
  it('failures after connecting are ambiguous', () => {
    expect(classifyTransportFailure({ code: 'ECONNRESET', connected: true })).toBe('ambiguous');
    expect(classifyTransportFailure({ timeoutEvent: 'response', connected: true })).toBe('ambiguous');
    expect(classifyTransportFailure({ timeoutEvent: 'request', connected: true })).toBe('ambiguous');
  });
  it('parses Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
