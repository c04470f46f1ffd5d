import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDatabase } from '@smm/testkit/vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/index.ts';
import { sessions } from './admin-fixtures.ts';
import { bearer, startGateway } from './harness.ts';

const t = await useTestDatabase();
const dist = mkdtempSync(join(tmpdir(), 'smm-web-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><script type="module" src="/assets/app-1.js"></script>',
);
writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');

const plain = await startGateway(t, { WEB_DIST_DIR: dist });
// Behind a TLS-terminating proxy (the README's Caddy example).
const proxied = await startGateway(t, { WEB_DIST_DIR: dist, TRUST_PROXY: 'true' });
const s = await sessions(plain.app, t.sql);
await createUser(t.sql, {
  email: 'hdr-admin@example.com',
  password: 'admin-password-1',
  name: 'A',
  role: 'admin',
});

async function adminCookie(app: FastifyInstance): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'hdr-admin@example.com', password: 'admin-password-1' },
  });
  expect(res.statusCode).toBe(200);
  return `token=${res.cookies.find((c) => c.name === 'token')!.value}`;
}

type Req = {
  name: string;
  method?: 'GET' | 'POST';
  url: string;
  status: number;
  admin?: boolean;
  anonymous?: boolean;
  payload?: object;
};

/** One of each kind of response the gateway gives. */
const REQUESTS: Req[] = [
  { name: 'API success', url: '/api/user/me', status: 200 },
  { name: 'health', url: '/healthz', status: 200 },
  { name: 'metrics', url: '/metrics', status: 200 },
  { name: 'API 401', url: '/api/admin/orders', status: 401, anonymous: true },
  { name: 'API 400', method: 'POST', url: '/api/auth/login', payload: { email: '' }, status: 400 },
  {
    name: 'API 401 login',
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'x@y.z', password: 'no' },
    status: 401,
  },
  { name: '404', url: '/no/such/route', status: 404 },
  { name: 'web page', url: '/login', status: 200 },
  { name: 'web asset', url: '/assets/app-1.js', status: 200 },
  { name: 'docs', url: '/docs/', status: 200 },
  { name: 'docs json', url: '/docs/json', status: 200 },
  { name: 'docs asset', url: '/docs/static/swagger-ui.css', status: 200 },
  { name: 'Bull Board 401', url: '/admin/queues', status: 401, anonymous: true },
  { name: 'Bull Board page', url: '/admin/queues', status: 200, admin: true },
  { name: 'Bull Board API', url: '/admin/queues/api/queues', status: 200, admin: true },
];

async function send(app: FastifyInstance, r: Req): Promise<LightMyRequestResponse> {
  const headers = r.admin ? { cookie: await adminCookie(app) } : r.anonymous ? {} : bearer(s.user);
  return app.inject({
    method: r.method ?? 'GET',
    url: r.url,
    headers,
    ...(r.payload ? { payload: r.payload } : {}),
  });
}

function expectBaseline(res: LightMyRequestResponse) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
}

describe('security headers on every response', () => {
  it.each(REQUESTS)('$name ($url → $status)', async (r) => {
    const res = await send(plain.app, r);
    expect(res.statusCode).toBe(r.status);
    expectBaseline(res);
    // Plain http (no TLS in front): no HSTS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it.each(REQUESTS)('behind TRUST_PROXY: $name carries HSTS too', async (r) => {
    const res = await send(proxied.app, r);
    expect(res.statusCode).toBe(r.status);
    expectBaseline(res);
    expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
  });

  it("the API's CSP lets nothing load; the pages keep their own strict policies", async () => {
    const api = await plain.app.inject({ method: 'GET', url: '/healthz' });
    expect(api.headers['content-security-policy']).toMatch(/^default-src 'none'/);

    const page = await plain.app.inject({ method: 'GET', url: '/user/orders' });
    const pageCsp = String(page.headers['content-security-policy']);
    expect(pageCsp).toContain("script-src 'self'");
    expect(pageCsp).toContain("style-src 'self'");
    expect(pageCsp).not.toContain('unsafe');

    const docs = await plain.app.inject({ method: 'GET', url: '/docs/' });
    const docsCsp = String(docs.headers['content-security-policy']);
    expect(docsCsp).toContain("script-src 'self'");
    // Swagger UI injects a <style> element; scripts stay same-origin only.
    expect(docsCsp).not.toMatch(/script-src[^;]*unsafe/);

    const board = await plain.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: { cookie: await adminCookie(plain.app) },
    });
    const boardCsp = String(board.headers['content-security-policy']);
    expect(boardCsp).toContain("script-src 'self'");
    // Bull Board's loading screen is inline-styled; scripts stay same-origin only.
    expect(boardCsp).not.toMatch(/script-src[^;]*unsafe/);
  });
});
