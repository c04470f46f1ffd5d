import { createLogger } from '@smm/logger';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createUser, ensureAdmin, loadConfig } from '../src/index.ts';
import { bearer, rawJwt, seedCatalog, seedUser, startGateway, TEST_JWT_SECRET } from './harness.ts';

const t = await useTestDatabase();
const { app } = await startGateway(t);
const cat = await seedCatalog(t.sql);

const now = () => Math.floor(Date.now() / 1000);
const claims = (sub: string, over: Record<string, unknown> = {}) => ({
  sub,
  role: 'user',
  iss: 'smm-gateway',
  aud: 'smm-panel',
  iat: now(),
  exp: now() + 3600,
  ...over,
});

async function me(headers: Record<string, string>) {
  return app.inject({ method: 'GET', url: '/api/user/me', headers });
}

describe('login and register', () => {
  it('logs in with the right password: token, user, and an httpOnly SameSite=Lax cookie', async () => {
    await createUser(t.sql, { email: 'Alice@Example.com', password: 'correct horse', name: 'Alice' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'alice@example.com', password: 'correct horse' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      success: true,
      user: { email: 'alice@example.com', name: 'Alice', role: 'user', currency: 'BDT', balance: '0.000000' },
    });
    expect(JSON.stringify(body)).not.toMatch(/password|hash/i);
    const cookie = res.cookies.find((c) => c.name === 'token');
    expect(cookie).toMatchObject({ value: body.token, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();

    // The token works as a Bearer header and as the cookie (the browser and Bull Board path).
    expect((await me(bearer(body.token))).json().user.email).toBe('alice@example.com');
    expect((await me({ cookie: `token=${body.token}` })).statusCode).toBe(200);

    const [header, payload] = body.token
      .split('.')
      .slice(0, 2)
      .map((p: string) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(12 * 3600);
    expect(payload).toMatchObject({ iss: 'smm-gateway', aud: 'smm-panel' });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    for (const payload of [
      { email: 'alice@example.com', password: 'wrong' },
      { email: 'nobody@example.com', password: 'correct horse' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('registers a user (BDT by default) and refuses a second account with the same email', async () => {
    const payload = { email: 'bob@example.com', password: 'long enough pw', name: 'Bob' };
    const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: 'bob@example.com', currency: 'BDT', role: 'user' });
    const [row] = await t.sql`select password_hash from users where email = 'bob@example.com'`;
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);

    const again = await app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EMAIL_TAKEN');

    const usd = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'carol@example.com', password: 'long enough pw', name: 'Carol', currency: 'USD' },
    });
    expect(usd.json().user.currency).toBe('USD');
  });

  it('cannot register as admin or with a balance (unknown fields are refused)', async () => {
    for (const extra of [{ role: 'admin' }, { balance: '1000' }]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: 'mallory@example.com', password: 'long enough pw', name: 'M', ...extra },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
    const rows = await t.sql`select 1 from users where email = 'mallory@example.com'`;
    expect(rows).toHaveLength(0);
  });
});

describe('tokens', () => {
  // Each token names a real, active user, so only the flaw named can be what refuses it.
  const cases: Array<[string, () => Promise<Record<string, string>>]> = [
    ['no token', async () => ({})],
    ['a garbage token', async () => bearer('not.a.jwt')],
    [
      'a bad signature',
      async () =>
        bearer(
          rawJwt(
            { alg: 'HS256', typ: 'JWT' },
            claims(await seedUser(t.sql)),
            'another-secret-of-enough-length!!',
          ),
        ),
    ],
    [
      'alg none',
      async () => bearer(rawJwt({ alg: 'none', typ: 'JWT' }, claims(await seedUser(t.sql)), null)),
    ],
    [
      'alg HS512 with the right secret',
      async () => {
        const { createHmac } = await import('node:crypto');
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const head = `${enc({ alg: 'HS512', typ: 'JWT' })}.${enc(claims(await seedUser(t.sql)))}`;
        return bearer(`${head}.${createHmac('sha512', TEST_JWT_SECRET).update(head).digest('base64url')}`);
      },
    ],
    [
      'an expired token',
      async () =>
        bearer(
          rawJwt(
            { alg: 'HS256' },
            claims(await seedUser(t.sql), { exp: now() - 10, iat: now() - 3600 }),
            TEST_JWT_SECRET,
          ),
        ),
    ],
    [
      'a wrong issuer',
      async () =>
        bearer(rawJwt({ alg: 'HS256' }, claims(await seedUser(t.sql), { iss: 'evil' }), TEST_JWT_SECRET)),
    ],
    [
      'a wrong audience',
      async () =>
        bearer(rawJwt({ alg: 'HS256' }, claims(await seedUser(t.sql), { aud: 'other' }), TEST_JWT_SECRET)),
    ],
    ['a bad cookie', async () => ({ cookie: 'token=abc.def.ghi' })],
    [
      'a token issued more than 12 h ago, even with a later exp',
      async () =>
        bearer(
          rawJwt(
            { alg: 'HS256' },
            claims(await seedUser(t.sql), { iat: now() - 12 * 3600 - 10, exp: now() + 3600 }),
            TEST_JWT_SECRET,
          ),
        ),
    ],
    [
      'a role that is neither user nor admin',
      async () =>
        bearer(rawJwt({ alg: 'HS256' }, claims(await seedUser(t.sql), { role: 'root' }), TEST_JWT_SECRET)),
    ],
    [
      'no sub claim',
      async () =>
        bearer(rawJwt({ alg: 'HS256' }, claims(await seedUser(t.sql), { sub: undefined }), TEST_JWT_SECRET)),
    ],
  ];

  it.each(cases)('%s → 401 UNAUTHORIZED', async (_name, headers) => {
    const res = await me(await headers());
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      success: false,
      error: { code: 'UNAUTHORIZED', message: expect.any(String), details: null },
    });
  });

  // Verified tokens are remembered: the memory must never outlive the token or stand in for another.
  it('a token that was accepted is refused once it expires', async () => {
    const id = await seedUser(t.sql);
    const token = rawJwt({ alg: 'HS256' }, claims(id, { exp: now() + 2 }), TEST_JWT_SECRET);
    expect((await me(bearer(token))).statusCode).toBe(200);
    expect((await me(bearer(token))).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 3_100));
    expect((await me(bearer(token))).statusCode).toBe(401);
  });

  it('an accepted token with its signature altered is refused', async () => {
    const id = await seedUser(t.sql);
    const token = app.issueToken({ id, role: 'user' });
    expect((await me(bearer(token))).statusCode).toBe(200);
    // A character well inside the signature (the last one also carries padding bits).
    const i = token.length - 10;
    const altered = `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
    expect((await me(bearer(altered))).statusCode).toBe(401);
    expect((await me({ cookie: `token=${altered}` })).statusCode).toBe(401);
  });

  it('a well-formed hand-signed HS256 token is accepted (so the refusals above are about the flaw)', async () => {
    const id = await seedUser(t.sql);
    const res = await me(bearer(rawJwt({ alg: 'HS256', typ: 'JWT' }, claims(id), TEST_JWT_SECRET)));
    expect(res.statusCode).toBe(200);
  });
});

describe('roles and ownership', () => {
  it('a user on an admin route gets 403, an admin gets the list', async () => {
    const userToken = app.issueToken({ id: await seedUser(t.sql), role: 'user' });
    const denied = await app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(userToken) });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');

    const anonymous = await app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(anonymous.statusCode).toBe(401);

    const adminToken = app.issueToken({ id: await seedUser(t.sql, { role: 'admin' }), role: 'admin' });
    const ok = await app.inject({
      method: 'GET',
      url: '/api/admin/users?limit=2',
      headers: bearer(adminToken),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().users).toHaveLength(2);
    expect(ok.json().nextCursor).toEqual(expect.any(String));
    expect(JSON.stringify(ok.json())).not.toMatch(/password|api_key_hash/i);
  });

  it("another user's order is a 404, the owner's is a 200", async () => {
    const owner = await seedUser(t.sql, { balance: '100' });
    const other = await seedUser(t.sql, { balance: '100' });
    const created = await app.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: bearer(app.issueToken({ id: owner, role: 'user' })),
      payload: { categoryId: cat.catA, serviceId: cat.manual, link: 'https://x.com/a', qty: 10 },
    });
    const orderId = created.json().orderIds[0];
    const theirs = await app.inject({
      method: 'GET',
      url: `/api/user/orders/${orderId}`,
      headers: bearer(app.issueToken({ id: other, role: 'user' })),
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('NOT_FOUND');
    const mine = await app.inject({
      method: 'GET',
      url: `/api/user/orders/${orderId}`,
      headers: bearer(app.issueToken({ id: owner, role: 'user' })),
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().order).toMatchObject({ id: orderId, status: 'pending', quantity: 10 });
  });
});

describe('first admin', () => {
  it('is created once from ADMIN_EMAIL/ADMIN_PASSWORD and can log in', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      ADMIN_EMAIL: 'Root@Example.com',
      ADMIN_PASSWORD: 'admin-password-1',
      JWT_SECRET: TEST_JWT_SECRET,
    });
    const logger = createLogger({ service: 'test', level: 'silent' });
    expect(await ensureAdmin(t.sql, config, logger)).toEqual({ created: true });
    expect(await ensureAdmin(t.sql, config, logger)).toEqual({ created: false });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'root@example.com', password: 'admin-password-1' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('admin');
  });

  it('without ADMIN_PASSWORD in development, a generated one is printed once and works', async () => {
    const config = loadConfig({ NODE_ENV: 'development', ADMIN_EMAIL: 'dev-admin@example.com' });
    const printed: string[] = [];
    await ensureAdmin(t.sql, config, createLogger({ service: 'test', level: 'silent' }), (l) =>
      printed.push(l),
    );
    expect(printed).toHaveLength(1);
    const password = /dev-admin@example\.com \/ (\S+)/.exec(printed[0]!)?.[1];
    expect(password).toBeTruthy();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'dev-admin@example.com', password },
    });
    expect(res.statusCode).toBe(200);
  });

  it('production refuses to start without JWT_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
