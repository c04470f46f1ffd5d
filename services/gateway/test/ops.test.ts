import { once } from 'node:events';
import { createServer } from 'node:net';
import { createDb } from '@smm/db';
import { createLogger } from '@smm/logger';
import { testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGateway, closeDeps, loadConfig, openDeps } from '../src/index.ts';
import { bearer, seedCatalog, seedUser, startGateway, TEST_JWT_SECRET } from './harness.ts';

const t = await useTestDatabase();
const { app } = await startGateway(t);

describe('operations', () => {
  it('/healthz and /readyz answer 200 when Postgres and Redis do', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      success: true,
      status: 'ok',
    });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ success: true, postgres: 'ok', redis: 'ok' });
  });

  it('echoes a plain x-request-id and makes one up otherwise', async () => {
    const given = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const forged = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'a\nb c' },
    });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unknown route is a 404 in the error envelope', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves an OpenAPI document generated from the zod schemas, and the UI at /docs', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.paths['/api/user/create-orders'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/auth/login'].post).toBeDefined();
    const ui = await app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
  });
});

describe('rate limits', async () => {
  const limited = await startGateway(t, {
    LOGIN_RATE_MAX: '3',
    ORDER_RATE_MAX: '2',
    ALLOW_REGISTRATION: 'false',
  });
  const cat = await seedCatalog(t.sql);

  it('login: the 4th attempt from one IP within the window is a 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@example.com', password: 'whatever' },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error.code).toBe('RATE_LIMITED');
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('order creation is limited per user, not globally', async () => {
    const a = limited.app.issueToken({ id: await seedUser(t.sql, { balance: '1000' }), role: 'user' });
    const b = limited.app.issueToken({ id: await seedUser(t.sql, { balance: '1000' }), role: 'user' });
    const payload = { categoryId: cat.catA, serviceId: cat.manual, link: 'https://a.com/x', qty: 10 };
    const post = (token: string) =>
      limited.app.inject({ method: 'POST', url: '/api/user/create-orders', headers: bearer(token), payload });
    expect([(await post(a)).statusCode, (await post(a)).statusCode, (await post(a)).statusCode]).toEqual([
      201, 201, 429,
    ]);
    expect((await post(b)).statusCode).toBe(201);
  });

  it('registration can be closed', async () => {
    const res = await limited.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'late@example.com', password: 'long enough pw', name: 'Late' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('REGISTRATION_CLOSED');
  });
});

describe('Postgres unreachable', async () => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const deadPort = (srv.address() as { port: number }).port;
  srv.close();
  const prefix = testPrefix('gw-pgdown');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `postgres://postgres@127.0.0.1:${deadPort}/nothing`,
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    BULL_PREFIX: prefix,
    RATE_LIMIT_PREFIX: `${prefix}:rl:`,
  });
  const deps = await openDeps(config, {
    db: createDb(config.databaseUrl, { connectTimeout: 1 }),
    logger: createLogger({ service: 'test', level: 'silent' }),
  });
  const down = await buildGateway(deps);
  afterAll(async () => {
    await down.close();
    await closeDeps(deps);
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE, and /readyz says so', async () => {
    const token = down.issueToken({ id: 'usr_01aaaaaaaaaaaaaaaaaaaaaaaa', role: 'user' });
    const res = await down.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: bearer(token),
      payload: {
        categoryId: 'cat_01aaaaaaaaaaaaaaaaaaaaaaaa',
        serviceId: 'svc_01aaaaaaaaaaaaaaaaaaaaaaaa',
        link: 'https://a.com',
        qty: 10,
      },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('DEPENDENCY_UNAVAILABLE');
    const ready = await down.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ postgres: 'down', redis: 'ok' });
  });
});
