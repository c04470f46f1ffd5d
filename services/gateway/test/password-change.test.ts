import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/index.ts';
import { bearer, startGateway } from './harness.ts';

const t = await useTestDatabase();
// The throttle's documented defaults: 5 failures per account lock it for 30 s.
const { app, deps } = await startGateway(t, {
  LOGIN_ACCOUNT_MAX_FAILURES: '5',
  LOGIN_IP_MAX_FAILURES: '20',
  LOGIN_LOCKOUT_MS: '30000',
});
const closed = await startGateway(t, { ALLOW_REGISTRATION: 'false' });

let n = 0;
/** A fresh account (real argon2id hash) and a session for it. */
async function account(password = 'first-password-1') {
  n += 1;
  const email = `pw-${n}-${Date.now()}@example.com`;
  const user = await createUser(t.sql, { email, password, name: 'P' });
  return { id: user!.id, email, password, token: app.issueToken({ id: user!.id, role: 'user' }) };
}

function change(token: string | null, payload: unknown, ip = '203.0.113.7') {
  return app.inject({
    method: 'POST',
    url: '/api/user/password',
    headers: token ? bearer(token) : {},
    payload: payload as object,
    remoteAddress: ip,
  });
}

function login(email: string, password: string, ip = '198.51.100.1') {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
}

async function hashOf(id: string): Promise<string> {
  const [row] = await t.sql<{ h: string }[]>`select password_hash as h from users where id = ${id}`;
  return row!.h;
}

async function activityOf(id: string) {
  return t.sql<{ action: string; message: string | null }[]>`
    select action, message from activity_log where user_id = ${id} order by created_at`;
}

describe('GET /api/auth/config', () => {
  it('says whether registration is open and the password rule, to anyone', async () => {
    const open = await app.inject({ method: 'GET', url: '/api/auth/config' });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ success: true, registration: true, passwordMinLength: 8 });
    const shut = await closed.app.inject({ method: 'GET', url: '/api/auth/config' });
    expect(shut.json()).toEqual({ success: true, registration: false, passwordMinLength: 8 });
  });

  it('the rule it states is the one register enforces', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'short-pw@example.com', password: '1234567', name: 'S' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'body.password', message: 'password must be at least 8 characters' },
    ]);
    expect(await t.sql`select 1 from users where email = 'short-pw@example.com'`).toHaveLength(0);
  });
});

describe('POST /api/user/password', () => {
  it('changes it: the old password no longer signs in, the new one does; the session stays', async () => {
    const a = await account();
    const res = await change(a.token, { currentPassword: a.password, newPassword: 'second-password-2' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true });
    expect(await hashOf(a.id)).toMatch(/^\$argon2id\$/);
    expect((await login(a.email, a.password)).statusCode).toBe(401);
    expect((await login(a.email, 'second-password-2')).statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/user/me', headers: bearer(a.token) });
    expect(me.statusCode).toBe(200);
    expect(await activityOf(a.id)).toEqual([{ action: 'user.updated', message: 'password changed' }]);
    expect(JSON.stringify(await t.sql`select * from activity_log where user_id = ${a.id}`)).not.toContain(
      'second-password-2',
    );
  });

  it('a wrong current password is a 422 on that field, and nothing is written', async () => {
    const a = await account();
    const before = await hashOf(a.id);
    const res = await change(a.token, {
      currentPassword: 'not-my-password',
      newPassword: 'second-password-2',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({
      code: 'WRONG_PASSWORD',
      message: 'the current password is wrong',
      details: [{ field: 'body.currentPassword', message: 'the current password is wrong' }],
    });
    expect(await hashOf(a.id)).toBe(before);
    expect(await activityOf(a.id)).toEqual([]);
    expect((await login(a.email, a.password)).statusCode).toBe(200);
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const a = await account();
    const before = await hashOf(a.id);
    const cases: Array<[unknown, string]> = [
      [{ currentPassword: a.password, newPassword: 'short' }, 'body.newPassword'],
      [{ currentPassword: a.password, newPassword: 'x'.repeat(257) }, 'body.newPassword'],
      [{ currentPassword: a.password, newPassword: a.password }, 'body.newPassword'],
      [{ currentPassword: '', newPassword: 'second-password-2' }, 'body.currentPassword'],
      [{ newPassword: 'second-password-2' }, 'body.currentPassword'],
      [{ currentPassword: a.password }, 'body.newPassword'],
      [{ currentPassword: a.password, newPassword: 'second-password-2', role: 'admin' }, 'body.role'],
      [{ currentPassword: 12345678, newPassword: 'second-password-2' }, 'body.currentPassword'],
    ];
    for (const [payload, field] of cases) {
      const res = await change(a.token, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const same = await change(a.token, { currentPassword: a.password, newPassword: a.password });
    expect(same.json().error.details).toContainEqual({
      field: 'body.newPassword',
      message: 'the new password must differ from the current one',
    });
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/user/password',
      headers: { ...bearer(a.token), 'content-type': 'application/json' },
      payload: '{"currentPassword":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(await hashOf(a.id)).toBe(before);
    expect(await activityOf(a.id)).toEqual([]);
  });

  it('needs a session', async () => {
    const res = await change(null, { currentPassword: 'whatever-1', newPassword: 'second-password-2' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('wrong current passwords count as failed logins: 5 lock the account, for login too', async () => {
    const a = await account();
    const before = await hashOf(a.id);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await change(a.token, { currentPassword: `guess-${i}-xxxx`, newPassword: 'second-password-2' }))
          .statusCode,
      );
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    // Locked: even the right current password waits, and so does signing in (from anywhere).
    const right = await change(a.token, { currentPassword: a.password, newPassword: 'second-password-2' });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/^too many failed sign-in attempts, try again in \d+ s$/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(a.email, a.password, '192.0.2.99')).statusCode).toBe(429);
    expect(await hashOf(a.id)).toBe(before);
  });

  it('failed logins count too: a locked account cannot change its password', async () => {
    const a = await account();
    for (let i = 0; i < 5; i++) expect((await login(a.email, `bad-${i}-xxxx`)).statusCode).toBe(401);
    const res = await change(a.token, { currentPassword: a.password, newPassword: 'second-password-2' });
    expect(res.statusCode).toBe(429);
    expect((await login(a.email, 'second-password-2')).statusCode).toBe(429);
  });

  it('two changes racing: one lands, the other is refused, and the winner’s password is the one', async () => {
    const a = await account();
    const [x, y] = await Promise.all([
      change(a.token, { currentPassword: a.password, newPassword: 'racer-one-pw-1' }),
      change(a.token, { currentPassword: a.password, newPassword: 'racer-two-pw-2' }),
    ]);
    const codes = [x.statusCode, y.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect([409, 422]).toContain(codes[1]);
    const winner = x.statusCode === 200 ? 'racer-one-pw-1' : 'racer-two-pw-2';
    const loser = winner === 'racer-one-pw-1' ? 'racer-two-pw-2' : 'racer-one-pw-1';
    expect((await login(a.email, winner)).statusCode).toBe(200);
    expect((await login(a.email, loser)).statusCode).toBe(401);
    expect(await activityOf(a.id)).toHaveLength(1);
  });

  it('with the throttle’s Redis unreachable the change is refused (503), nothing written', async () => {
    const a = await account();
    const before = await hashOf(a.id);
    const redis = deps.redis as unknown as { eval: (...args: unknown[]) => Promise<unknown> };
    const real = redis.eval;
    redis.eval = () => Promise.reject(new Error('Connection is closed.'));
    try {
      const res = await change(a.token, { currentPassword: a.password, newPassword: 'second-password-2' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      redis.eval = real;
    }
    expect(await hashOf(a.id)).toBe(before);
  });
});
