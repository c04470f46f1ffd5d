import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { WEB_PAGES } from '../src/plugins/web-pages.ts';
import { sessions } from './admin-fixtures.ts';
import { startGateway } from './harness.ts';

const t = await useTestDatabase();
const dist = mkdtempSync(join(tmpdir(), 'smm-web-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><script type="module" src="/assets/app-1.js"></script>',
);
writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');

const built = await startGateway(t, { WEB_DIST_DIR: dist });
const missing = await startGateway(t, { WEB_DIST_DIR: join(dist, 'nope') });
const s = await sessions(built.app, t.sql);

describe('web pages served by the gateway', () => {
  it.each(WEB_PAGES)('%s answers index.html with a strict CSP', async (url) => {
    const res = await built.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('/assets/app-1.js');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the hashed assets, cached for good', async () => {
    const res = await built.app.inject({ method: 'GET', url: '/assets/app-1.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await built.app.inject({ method: 'GET', url: '/assets/nope.js' })).statusCode).toBe(404);
  });

  it('/ redirects by session: anonymous → /login, user → order form, admin → orders', async () => {
    const go = async (token?: string) =>
      (await built.app.inject({ method: 'GET', url: '/', cookies: token ? { token } : {} })).headers.location;
    expect(await go()).toBe('/login');
    expect(await go(s.user)).toBe('/user/orders/create');
    expect(await go(s.admin)).toBe('/admin/orders');
  });

  it('the API takes the session cookie as well as the Bearer header', async () => {
    const res = await built.app.inject({ method: 'GET', url: '/api/user/me', cookies: { token: s.user } });
    expect(res.statusCode).toBe(200);
    const admin = await built.app.inject({
      method: 'GET',
      url: '/api/admin/orders',
      cookies: { token: s.user },
    });
    expect(admin.statusCode).toBe(403);
  });

  it('without a build the pages answer 503 with how to build, and the API works', async () => {
    const res = await missing.app.inject({ method: 'GET', url: '/user/orders' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build -w @smm/web');
    expect((await missing.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
