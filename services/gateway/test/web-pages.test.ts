import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDatabase } from '@smm/testkit/vitest';
import type { InjectOptions } from 'fastify';
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
writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');

const built = await startGateway(t, { WEB_DIST_DIR: dist });
const missing = await startGateway(t, { WEB_DIST_DIR: join(dist, 'nope') });
const closed = await startGateway(t, { WEB_DIST_DIR: dist, ALLOW_REGISTRATION: 'false' });
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
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

  it.each(['/nope', '/admin/nope', '/user/orders/123/x', '/login/x'])(
    'a browser opening %s gets the pages (their "Page not found") with status 404',
    async (url) => {
      const res = await built.app.inject({ method: 'GET', url, headers: HTML });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('/assets/app-1.js');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('an API client, a POST, and the API, docs, queues, metrics, health and asset paths keep the JSON 404', async () => {
    const json404 = async (req: InjectOptions) => {
      const res = await built.app.inject(req);
      expect(res.statusCode, JSON.stringify(req)).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    };
    await json404({ method: 'GET', url: '/nope' });
    await json404({ method: 'GET', url: '/nope', headers: { accept: 'application/json' } });
    await json404({ method: 'POST', url: '/nope', headers: HTML });
    for (const url of [
      '/api/',
      '/api/nope',
      '/api/user/nope',
      '/docs/nope',
      '/metrics/x',
      '/healthz/x',
      '/readyz/x',
    ])
      await json404({ method: 'GET', url, headers: HTML });
    const asset = await built.app.inject({ method: 'GET', url: '/assets/nope.js', headers: HTML });
    expect(asset.statusCode).toBe(404);
    expect(asset.headers['content-type']).not.toMatch(/^text\/html/);
    // The reseller API keeps its own 404 shape.
    const v2 = await built.app.inject({ method: 'GET', url: '/api/v2/nope', headers: HTML });
    expect(v2.statusCode).toBe(404);
    expect(v2.headers['content-type']).toMatch(/^application\/json/);
  });

  it('/user goes to the orders page, /admin/ to the dashboard; a trailing slash is dropped, the query kept; nothing leads off the site', async () => {
    const go = async (url: string) => {
      const res = await built.app.inject({ method: 'GET', url, headers: HTML });
      return [res.statusCode, res.headers.location];
    };
    // /admin is the dashboard page itself.
    expect(await go('/admin')).toEqual([200, undefined]);
    expect(await go('/admin/')).toEqual([301, '/admin']);
    expect(await go('/user')).toEqual([302, '/user/orders']);
    expect(await go('/admin/orders/')).toEqual([301, '/admin/orders']);
    expect(await go('/admin/orders/?status=pending&x=1')).toEqual([301, '/admin/orders?status=pending&x=1']);
    expect(await go('/user/orders//')).toEqual([301, '/user/orders']);
    // Without a browser's Accept too: a script following the redirect ends on the page.
    const plain = await built.app.inject({ method: 'GET', url: '/login/' });
    expect([plain.statusCode, plain.headers.location]).toEqual([301, '/login']);
    // Never to another host, however the path is spelt; an API path is never redirected.
    for (const url of ['//evil.example/', '/%2F%2Fevil.example/', '/\\evil.example/', '/.//evil.example/']) {
      const to = (await go(url))[1];
      if (to !== undefined) expect(String(to), url).toMatch(/^\/(?![/\\])/);
    }
    expect((await go('//evil.example/'))[1]).toBeUndefined();
    expect((await go('/api/user/me/'))[1]).toBeUndefined();
  });

  it("/favicon.svg is the build's icon; /favicon.ico redirects to it", async () => {
    const svg = await built.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('<svg');
    const ico = await built.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect([ico.statusCode, ico.headers.location]).toEqual([301, '/favicon.svg']);
    expect((await missing.app.inject({ method: 'GET', url: '/favicon.svg' })).statusCode).toBe(404);
  });

  it('/register is a 404 while registration is closed (the page still says why)', async () => {
    const res = await closed.app.inject({ method: 'GET', url: '/register', headers: HTML });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('/assets/app-1.js');
    expect((await built.app.inject({ method: 'GET', url: '/register', headers: HTML })).statusCode).toBe(200);
  });

  it('Bull Board: a browser that is not signed in is sent to /login and back; a script gets the 401', async () => {
    const browser = await built.app.inject({ method: 'GET', url: '/admin/queues', headers: HTML });
    expect([browser.statusCode, browser.headers.location]).toEqual([302, '/login?next=%2Fadmin%2Fqueues']);
    const deep = await built.app.inject({
      method: 'GET',
      url: '/admin/queues/queue/order-forward',
      headers: HTML,
    });
    expect(deep.headers.location).toBe('/login?next=%2Fadmin%2Fqueues%2Fqueue%2Forder-forward');
    const script = await built.app.inject({ method: 'GET', url: '/admin/queues' });
    expect(script.statusCode).toBe(401);
    expect(script.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
    const api = await built.app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { accept: 'application/json' },
    });
    expect(api.statusCode).toBe(401);
    // Signed in, but no admin: still refused.
    const user = await built.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: HTML,
      cookies: { token: s.user },
    });
    expect(user.statusCode).toBe(403);
  });

  it('without a build the pages answer 503 with how to build, and the API works', async () => {
    const res = await missing.app.inject({ method: 'GET', url: '/user/orders' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build -w @smm/web');
    expect((await missing.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
