import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { sessions } from './admin-fixtures.ts';
import { bearer, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
const logs: string[] = [];
const { app } = await startGateway(t, {}, { logs });
const API_KEY = 'sandbox-provider-key-7f3a9c21e8d4';
const LOGIN_PASS = 'panel-login-password-55b1';
const sandbox = await startSandbox({ apiKey: API_KEY });
afterAll(() => sandbox.close());
const s = await sessions(app, sql);
const admin = bearer(s.admin);

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });

/** Every response body of this file, to be searched for secrets at the end. */
const bodies: string[] = [];
async function json(res: Awaited<ReturnType<typeof call>>, status: number) {
  bodies.push(res.body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe('providers: secrets stay secret', () => {
  let providerId = '';

  it('creates a provider with its key encrypted at rest and shown only masked', async () => {
    const body = await json(
      await call('POST', '/api/admin/providers', {
        name: 'Sandbox',
        apiUrl: sandbox.apiUrl,
        apiKey: API_KEY,
        loginUser: 'ops',
        loginPass: LOGIN_PASS,
      }),
      201,
    );
    providerId = body.provider.id;
    expect(body.provider).toMatchObject({
      name: 'Sandbox',
      apiUrl: sandbox.apiUrl,
      apiKeyMasked: `••••${API_KEY.slice(-4)}`,
      loginUser: 'ops',
      loginPassSet: true,
      status: 'active',
      flaggedAt: null,
      lastBalance: null,
    });
    const [row] = await sql<{ apiKeyEnc: string; loginPassEnc: string }[]>`
      select api_key_enc as "apiKeyEnc", login_pass_enc as "loginPassEnc" from api_providers where id = ${providerId}`;
    expect(row!.apiKeyEnc).toMatch(/^v1\./);
    expect(row!.apiKeyEnc).not.toContain(API_KEY);
    expect(row!.loginPassEnc).not.toContain(LOGIN_PASS);
  });

  it('lists, reads and updates without ever returning the key', async () => {
    await json(await call('GET', '/api/admin/providers'), 200);
    await json(await call('GET', `/api/admin/providers/${providerId}`), 200);
    const patched = await json(
      await call('PATCH', `/api/admin/providers/${providerId}`, { apiKey: API_KEY, maxConcurrency: 5 }),
      200,
    );
    expect(patched.provider).toMatchObject({ maxConcurrency: 5, apiKeyMasked: `••••${API_KEY.slice(-4)}` });
  });

  it('check stores the balance and clears the flag', async () => {
    await sql`update api_providers set flagged_at = now(), flag_reason = 'Not enough funds on balance',
                                       sync_backoff_until = now() + interval '1 hour', sync_failures = 3
              where id = ${providerId}`;
    const flagged = await json(await call('GET', '/api/admin/providers?flagged=true'), 200);
    expect(flagged.providers).toEqual([
      expect.objectContaining({ id: providerId, flagReason: 'Not enough funds on balance', syncFailures: 3 }),
    ]);
    expect(flagged.providers[0].syncBackoffUntil).not.toBeNull();

    const body = await json(await call('POST', `/api/admin/providers/${providerId}/check`), 200);
    expect(body).toMatchObject({ success: true, balance: '1000.000000', currency: 'USD' });
    expect(body.provider).toMatchObject({
      lastBalance: '1000.000000',
      lastBalanceCurrency: 'USD',
      flaggedAt: null,
      flagReason: null,
      syncBackoffUntil: null,
    });
    expect(body.provider.lastBalanceAt).not.toBeNull();
  });

  it('a failing provider call is a 502 PROVIDER_ERROR without the key', async () => {
    sandbox.setFaults({ effect: { type: 'html' } });
    const html = await json(await call('POST', `/api/admin/providers/${providerId}/check`), 502);
    expect(html).toMatchObject({ success: false, error: { code: 'PROVIDER_ERROR' } });
    sandbox.clearFaults();

    // The provider echoes what it got back: still no key in the answer.
    sandbox.setFaults({ effect: { type: 'error-reply', error: `Invalid API key ${API_KEY}` } });
    const echoed = await json(
      await call('POST', `/api/admin/providers/${providerId}/import-services`, { markupPercent: 10 }),
      502,
    );
    expect(echoed.error.message).toContain('[redacted]');
    sandbox.clearFaults();

    // A wrong key: the provider says so.
    await json(await call('PATCH', `/api/admin/providers/${providerId}`, { apiKey: 'wrong-key-0000' }), 200);
    const wrong = await json(await call('POST', `/api/admin/providers/${providerId}/check`), 502);
    expect(wrong.error.details).toMatchObject({ providerMessage: 'Invalid API key' });
    await json(await call('PATCH', `/api/admin/providers/${providerId}`, { apiKey: API_KEY }), 200);
  });

  it('no response body, activity row or log line ever held the key or the password', async () => {
    const activity = await sql`select * from activity_log where provider_id = ${providerId}`;
    expect(activity.length).toBeGreaterThan(3);
    const everything = [...bodies, ...logs, JSON.stringify(activity)].join('\n');
    expect(logs.length).toBeGreaterThan(10);
    for (const secret of [API_KEY, LOGIN_PASS]) expect(everything).not.toContain(secret);
  });
});

describe('import-services', () => {
  it('creates, then updates, then disables what the provider dropped', async () => {
    const [p] = await sql<{ id: string }[]>`select id from api_providers where name = 'Sandbox' limit 1`;
    const url = `/api/admin/providers/${p!.id}/import-services`;
    const first = await json(await call('POST', url, { markupPercent: '25' }), 200);
    expect(first.created).toBeGreaterThanOrEqual(6);
    expect(first).toMatchObject({ success: true, updated: 0, disabled: 0, skipped: 0 });
    expect(first.categoriesCreated).toBeGreaterThan(0);
    const [svc] = await sql<{ rateUSD: string; providerRate: string }[]>`
      select rate_usd::text as "rateUSD", provider_rate::text as "providerRate"
      from services where provider_id = ${p!.id} and provider_service_id = '1'`;
    // 25 % on the provider's rate, exact.
    expect(svc!.rateUSD).toBe((Number(svc!.providerRate) * 1.25).toFixed(6));

    const again = await json(await call('POST', url, { markupPercent: '25' }), 200);
    expect(again).toMatchObject({ created: 0, updated: 0, disabled: 0 });
    const repriced = await json(await call('POST', url, { markupPercent: '30' }), 200);
    expect(repriced).toMatchObject({ created: 0, updated: first.created, disabled: 0 });

    // One service the provider no longer lists.
    await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate_usd, mode)
              select 'svc_' || substr(md5(random()::text), 1, 26), 'Gone', category_id, provider_id, '999', 1, 'auto'
              from services where provider_id = ${p!.id} limit 1`;
    const dropped = await json(await call('POST', url, { markupPercent: '30' }), 200);
    expect(dropped).toMatchObject({ created: 0, updated: 0, disabled: 1 });
    const [gone] =
      await sql`select status from services where provider_id = ${p!.id} and provider_service_id = '999'`;
    expect(gone!.status).toBe('inactive');
  });

  it('refuses a markup of -100 % or less and an unknown category', async () => {
    const [p] = await sql<{ id: string }[]>`select id from api_providers where name = 'Sandbox' limit 1`;
    const url = `/api/admin/providers/${p!.id}/import-services`;
    await json(await call('POST', url, { markupPercent: '-100' }), 400);
    await json(
      await call('POST', url, { markupPercent: 10, categoryId: 'cat_00000000000000000000000000' }),
      422,
    );
  });
});

describe('provider URLs', () => {
  it('allows http:// in development (ALLOW_INSECURE_PROVIDER_URLS defaults to true)', async () => {
    await json(
      await call('POST', '/api/admin/providers', {
        name: 'Local',
        apiUrl: 'http://127.0.0.1:9/api',
        apiKey: 'abcdefgh1',
      }),
      201,
    );
    await json(
      await call('POST', '/api/admin/providers', {
        name: 'Bad',
        apiUrl: 'ftp://x.example/api',
        apiKey: 'abcdefgh1',
      }),
      422,
    );
    await json(
      await call('POST', '/api/admin/providers', { name: 'Bad', apiUrl: 'not a url', apiKey: 'abcdefgh1' }),
      400,
    );
  });

  it('refuses http:// when ALLOW_INSECURE_PROVIDER_URLS=false, on create and update; nothing is written', async () => {
    const strict = await startGateway(t, { ALLOW_INSECURE_PROVIDER_URLS: 'false' });
    const token = bearer(strict.app.issueToken({ id: s.adminId, role: 'admin' }));
    const before = await sql`select count(*)::int as n from api_providers`;
    const created = await strict.app.inject({
      method: 'POST',
      url: '/api/admin/providers',
      headers: token,
      payload: { name: 'Plain', apiUrl: 'http://panel.example/api/v2', apiKey: 'abcdefgh1' },
    });
    expect(created.statusCode).toBe(422);
    expect(created.json()).toMatchObject({ error: { code: 'PROVIDER_URL_NOT_ALLOWED' } });
    expect(await sql`select count(*)::int as n from api_providers`).toEqual(before);

    const ok = await strict.app.inject({
      method: 'POST',
      url: '/api/admin/providers',
      headers: token,
      payload: { name: 'Tls', apiUrl: 'https://panel.example/api/v2', apiKey: 'abcdefgh1' },
    });
    expect(ok.statusCode).toBe(201);
    const patched = await strict.app.inject({
      method: 'PATCH',
      url: `/api/admin/providers/${ok.json().provider.id}`,
      headers: token,
      payload: { apiUrl: 'http://panel.example/api/v2' },
    });
    expect(patched.statusCode).toBe(422);
  });

  it('a provider with orders or services is deactivated, not deleted', async () => {
    const [p] = await sql<{ id: string }[]>`select id from api_providers where name = 'Sandbox' limit 1`;
    const res = await json(await call('DELETE', `/api/admin/providers/${p!.id}`), 200);
    expect(res).toMatchObject({ deleted: false, provider: { status: 'inactive' } });
    const [local] = await sql<{ id: string }[]>`select id from api_providers where name = 'Local'`;
    expect(await json(await call('DELETE', `/api/admin/providers/${local!.id}`), 200)).toMatchObject({
      deleted: true,
      provider: null,
    });
  });
});
