import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyRefusal, ProviderError, readAddReply, refusalText, replyFailure } from '../src/index.ts';
import type { RawReply } from '../src/transport.ts';

interface Fixture {
  action: string;
  http: number;
  body: string;
  headers?: Record<string, string>;
}
function load(name: string): Record<string, Fixture> {
  const all = JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    Fixture
  >;
  return Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith('_')));
}
const files = {
  'smm-v2-replies.json': load('smm-v2-replies.json'),
  'real-peer-replies.json': load('real-peer-replies.json'),
};

function raw(f: Fixture): RawReply {
  let body: unknown;
  try {
    body = JSON.parse(f.body);
  } catch {
    body = undefined;
  }
  return {
    status: f.http,
    body,
    text: f.body,
    retryAfterMs: f.headers?.['retry-after'] ? 30_000 : undefined,
  };
}

type Outcome =
  | { accepted: string }
  | { kind: 'rejected_soft' | 'rejected_hard' | 'rate_limited' | 'ambiguous'; fault?: string };

/**
 * Every `add` reply of both fixture files, with what the panel must make of it (the fixture's own
 * `expect`). A fixture added without a row here fails the first test.
 */
const ADD_OUTCOMES: Record<string, Outcome> = {
  'add.reference': { accepted: '23501' },
  'add.string-id': { accepted: '23501' },
  'add.status-success': { accepted: '151' },
  'add.error-funds-200': { kind: 'rejected_soft', fault: 'capacity' },
  'add.error-funds-402': { kind: 'rejected_soft', fault: 'capacity' },
  'add.error-active-link': { kind: 'rejected_soft', fault: 'capacity' },
  'add.error-service': { kind: 'rejected_hard', fault: 'order' },
  'add.error-min': { kind: 'rejected_hard', fault: 'order' },
  'add.error-key': { kind: 'rejected_soft', fault: 'account' },
  'add.cloudflare-503': { kind: 'ambiguous' },
  'add.empty-503': { kind: 'rate_limited' },
  'add.429-retry-after': { kind: 'rate_limited' },
  'add.package-needs-quantity': { kind: 'rejected_hard', fault: 'order' },
  'add.status-error-message': { kind: 'rejected_hard', fault: 'order' },
  'add.account-disabled': { kind: 'rejected_soft', fault: 'account' },
  'add.id-with-429': { accepted: '9001' },
  'add.id-with-empty-error': { accepted: '7001' },
  'add.id-with-400': { accepted: '7002' },
  'add.id-and-error': { kind: 'ambiguous' },
  'add.4xx-json-without-error': { kind: 'ambiguous' },
  'add.429-json-rate-limit': { kind: 'rate_limited' },
  'add.success-false-message': { kind: 'rejected_hard', fault: 'order' },
  'add.ip-not-allowed': { kind: 'rejected_soft', fault: 'account' },
  'add.user-banned': { kind: 'rejected_soft', fault: 'account' },
  'add.duplicate-id': { accepted: '5501' },
};

const addRows = Object.entries(files).flatMap(([file, entries]) =>
  Object.entries(entries)
    .filter(([, f]) => f.action === 'add')
    .map(([name, f]) => [`${file} ${name}`, name, f] as const),
);

describe('reading an add reply, row by row over both fixture files', () => {
  it('has an expected outcome for every add fixture', () => {
    expect(addRows.map(([, name]) => name).sort()).toEqual(Object.keys(ADD_OUTCOMES).sort());
  });

  it.each(addRows)('%s', (_label, name, f) => {
    const want = ADD_OUTCOMES[name]!;
    const got = readAddReply(raw(f));
    if ('accepted' in want) {
      expect(got).not.toBeInstanceOf(ProviderError);
      expect((got as { providerOrderId: string }).providerOrderId).toBe(want.accepted);
      // An id with an error status is accepted, and says what was odd about it.
      if (f.http >= 300) expect((got as { anomaly: string | null }).anomaly).toMatch(String(f.http));
      return;
    }
    expect(got).toBeInstanceOf(ProviderError);
    const e = got as ProviderError;
    expect(e.kind).toBe(want.kind);
    if (want.fault) expect(e.fault).toBe(want.fault);
    // Only what was definitely not sent may ever be sent again.
    expect(e.retryableForAdd).toBe(want.kind === 'rate_limited');
  });
});

describe('refusal texts: who is at fault', () => {
  it.each([
    // The order's own fault: cancel and refund.
    ['Incorrect service ID', 'order', 'rejected_hard'],
    ['Quantity less than minimal 1000', 'order', 'rejected_hard'],
    ['Quantity more than maximal 5000', 'order', 'rejected_hard'],
    ['Quantity is required', 'order', 'rejected_hard'],
    ['Incorrect link', 'order', 'rejected_hard'],
    ['Invalid Interval in minutes', 'order', 'rejected_hard'],
    ['Incorrect runs', 'order', 'rejected_hard'],
    ['Incorrect comments', 'order', 'rejected_hard'],
    ['Drip-feed is disabled for this service', 'order', 'rejected_hard'],
    ['This profile is private', 'order', 'rejected_hard'],
    // The panel's own account: wait, flag the provider, never cancel.
    ['Invalid API key', 'account', 'rejected_soft'],
    ['API is Disable for this user or User Not Found! Contact the Support', 'account', 'rejected_soft'],
    ['Your IP address is not allowed', 'account', 'rejected_soft'],
    ['User is banned', 'account', 'rejected_soft'],
    ['Your account has been suspended', 'account', 'rejected_soft'],
    ['Unauthorized', 'account', 'rejected_soft'],
    // Capacity: wait, flag.
    ['Not enough funds on balance', 'capacity', 'rejected_soft'],
    [
      'You have active order with this link. Please wait until order being completed.',
      'capacity',
      'rejected_soft',
    ],
    ['Service temporarily unavailable', 'capacity', 'rejected_soft'],
    ['Site is under maintenance', 'capacity', 'rejected_soft'],
    // Slow down.
    ['Too many requests', 'rate_limit', 'rate_limited'],
    ['Rate limit exceeded, try again later', 'rate_limit', 'rate_limited'],
    // The order's target, not our account.
    ['The Instagram account in your link is suspended', 'order', 'rejected_hard'],
    ['User @target_profile is banned', 'order', 'rejected_hard'],
    // Words that appear in order texts, in texts that do not blame the order.
    ['User does not exist', 'account', 'rejected_soft'],
    ['Your account does not exist', 'account', 'rejected_soft'],
    ['Reseller API service is disabled for your account', 'account', 'rejected_soft'],
    ['Only POST requests are allowed', 'account', 'rejected_soft'],
    ['Invalid API URL', 'account', 'rejected_soft'],
    ['Minimum deposit required to use the API', 'capacity', 'rejected_soft'],
    ['Provider service is down', 'capacity', 'rejected_soft'],
    ['Max requests per minute exceeded', 'rate_limit', 'rate_limited'],
    // A crash dressed as a refusal: the provider may have acted — ambiguous.
    ['Maximum execution time of 30 seconds exceeded', 'provider_crash', 'ambiguous'],
    ['SQLSTATE[HY000]: General error', 'provider_crash', 'ambiguous'],
    // Unknown words wait (and go to review after a few rounds): never a cancel.
    ['Something went wrong', 'unknown', 'rejected_soft'],
    ['Incorrect request', 'unknown', 'rejected_soft'],
    ['Error 1042', 'unknown', 'rejected_soft'],
  ])('%s → %s', (text, fault, kind) => {
    expect(classifyRefusal(text, 'add')).toEqual({ fault, kind });
  });

  it('a provider without refills or cancels refuses the request for good, but an add it refuses that way waits', () => {
    expect(classifyRefusal('This action is Invalid', 'refill')).toEqual({
      fault: 'unsupported',
      kind: 'rejected_hard',
    });
    expect(classifyRefusal('This action is Invalid', 'cancel')).toEqual({
      fault: 'unsupported',
      kind: 'rejected_hard',
    });
    expect(classifyRefusal('Refill is disabled for this service', 'refill').kind).toBe('rejected_hard');
    expect(classifyRefusal('This action is Invalid', 'add')).toEqual({
      fault: 'unsupported',
      kind: 'rejected_soft',
    });
  });

  it('reads every refusal shape panels send', () => {
    expect(refusalText({ error: 'Incorrect service ID' })).toBe('Incorrect service ID');
    expect(refusalText({ status: 'error', message: 'Invalid Interval in minutes' })).toBe(
      'Invalid Interval in minutes',
    );
    expect(refusalText({ success: false, message: 'Incorrect service ID' })).toBe('Incorrect service ID');
    expect(refusalText({ error: 1042 })).toBe('1042');
    // Not refusals: an empty error, a success, a status word.
    expect(refusalText({ order: '7001', error: '' })).toBeNull();
    expect(refusalText({ status: 'success', order: 151 })).toBeNull();
    expect(refusalText({ status: 'Partial', remains: '10' })).toBeNull();
    expect(refusalText({ status: 'fail' })).toBeNull();
  });

  it('a refusal on a 5xx proves nothing: ambiguous, unless it is a rate limit', () => {
    const reply = (status: number, error: string) => ({
      status,
      body: { error },
      text: JSON.stringify({ error }),
      retryAfterMs: undefined,
    });
    expect(replyFailure('add', reply(500, 'Incorrect service ID'))?.kind).toBe('ambiguous');
    expect(replyFailure('add', reply(503, 'Too many requests'))?.kind).toBe('rate_limited');
    expect(replyFailure('add', reply(429, 'Too many requests'))?.kind).toBe('rate_limited');
    // A framework's throttle page: 429 {"message": "Too Many Attempts."}
    expect(
      replyFailure('add', {
        status: 429,
        body: { message: 'Too Many Attempts.' },
        text: '{"message":"Too Many Attempts."}',
        retryAfterMs: 60_000,
      })?.kind,
    ).toBe('rate_limited');
  });

  it('an add answered by a 4xx page that is not JSON is ambiguous, never a refusal that re-sends', () => {
    for (const [status, text] of [
      [400, 'Bad Request'],
      [422, 'Order accepted, id 4711'],
      [409, ''],
      [404, '<html>Not found</html>'],
    ] as const) {
      const e = readAddReply({ status, body: undefined, text, retryAfterMs: undefined }) as ProviderError;
      expect(e.kind, `${status} ${text}`).toBe('ambiguous');
    }
    // For other actions nothing is at stake: the call is simply refused.
    expect(
      replyFailure('balance', { status: 404, body: undefined, text: 'Not found', retryAfterMs: undefined })
        ?.kind,
    ).toBe('rejected_soft');
  });

  it('{"order": 0} is not an order id: ambiguous', () => {
    const e = readAddReply({ status: 200, body: { order: 0 }, text: '{"order":0}', retryAfterMs: undefined });
    expect(e).toBeInstanceOf(ProviderError);
    expect((e as ProviderError).kind).toBe('ambiguous');
  });
});
