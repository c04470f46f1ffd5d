import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.ts';
import { createUser } from '../src/use-cases/users.ts';
import { insertSandboxProvider, orderIn, sessions } from './admin-fixtures.ts';
import { bearer, startGateway, TEST_JWT_SECRET } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
const { app, deps } = await startGateway(t);
const s = await sessions(app, sql);

async function login(email: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'token');
  expect(cookie).toBeDefined();
  return `token=${cookie!.value}`;
}

describe('Bull Board at /admin/queues', () => {
  it('401 without a token, 200 with the admin cookie from login: page, API and static assets', async () => {
    await createUser(sql, {
      email: 'ops-admin@example.com',
      password: 'admin-password-1',
      name: 'Ops',
      role: 'admin',
    });
    await createUser(sql, { email: 'ops-user@example.com', password: 'user-password-1', name: 'U' });
    const adminCookie = await login('ops-admin@example.com', 'admin-password-1');
    const userCookie = await login('ops-user@example.com', 'user-password-1');

    const anon = await app.inject({ method: 'GET', url: '/admin/queues' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
    expect(
      (await app.inject({ method: 'GET', url: '/admin/queues', headers: { cookie: userCookie } })).statusCode,
    ).toBe(403);

    const page = await app.inject({ method: 'GET', url: '/admin/queues', headers: { cookie: adminCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');

    const api = await app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { cookie: adminCookie },
    });
    expect(api.statusCode).toBe(200);
    const names = (api.json() as { queues: Array<{ name: string }> }).queues.map((q) => q.name).sort();
    expect(names).toEqual(['order-forward', 'status-sync']);
    expect((await app.inject({ method: 'GET', url: '/admin/queues/api/queues' })).statusCode).toBe(401);

    // The page names its assets relative to <base href="/admin/queues/">.
    const relative = /src="(static\/js\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(relative).toBeDefined();
    const asset = `/admin/queues/${relative}`;
    expect((await app.inject({ method: 'GET', url: asset })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: asset, headers: { cookie: adminCookie } })).statusCode,
    ).toBe(200);
  });
});

describe('/metrics', () => {
  it('serves HTTP latency by route, orders by service, provider calls, queue depths and sync lag', async () => {
    const sandbox = await startSandbox();
    afterAll(() => sandbox.close());
    const c = await insertSandboxProvider(sql, deps.secretBox, sandbox);
    const orderId = await orderIn(app, sql, s.user, c);
    await app.inject({ method: 'GET', url: `/api/admin/orders/${orderId}`, headers: bearer(s.admin) });
    const check = await app.inject({
      method: 'POST',
      url: `/api/admin/providers/${c.providerId}/check`,
      headers: bearer(s.admin),
    });
    expect(check.statusCode).toBe(200);
    await sql`update orders set status = 'processing', provider_order_id = '1', next_status_check = now() - interval '90 seconds'
              where id = ${orderId}`;

    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/admin\/orders\/:id",status_code="200"\} 1/,
    );
    expect(text).toContain(`orders_created_total{service="${c.manualServiceId}"} 1`);
    expect(text).toContain(
      `provider_calls_total{provider="${c.providerId}",action="balance",outcome="ok"} 1`,
    );
    expect(text).toMatch(/provider_call_duration_seconds_count\{provider="[^"]+",action="balance"\} 1/);
    expect(text).toMatch(/queue_jobs\{queue="order-forward",state="waiting"\} \d+/);
    expect(text).toMatch(/queue_jobs\{queue="status-sync",state="failed"\} \d+/);
    const lag = Number(/^status_sync_lag_seconds (\S+)$/m.exec(text)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(89);
    // Never the raw URL with an id in it.
    expect(text).not.toContain(`route="/api/admin/orders/${orderId}"`);
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = await startGateway(t, { METRICS_TOKEN: 'metrics-token-0123456789' });
    expect((await guarded.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const ok = await guarded.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: bearer('metrics-token-0123456789'),
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe('configuration', () => {
  it('refuses to start in production without SECRETS_KEY', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_PASSWORD: 'admin-password',
      // Production also wants a metrics token (production-config.test.ts has every refusal).
      METRICS_TOKEN: 'metrics-token-0123456789',
    };
    expect(() => loadConfig(production)).toThrow(/SECRETS_KEY/);
    // Not 'ab' × 32: a key of one repeated byte is refused in production.
    const key = '0123456789abcdef'.repeat(4);
    const config = loadConfig({ ...production, SECRETS_KEY: key });
    expect(config.secretsKey.toString('hex')).toBe(key);
    // https only in production unless said otherwise.
    expect(config.allowInsecureProviderUrls).toBe(false);
  });
});
