import { setTimeout as sleep } from 'node:timers/promises';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/index.ts';
import { ipSubject } from '../src/use-cases/login-throttle.ts';
import { startGateway } from './harness.ts';

const t = await useTestDatabase();
// The throttle's documented defaults (5 per account, 20 per IP, 30 s first lockout); the harness only
// lifts the per-IP request flood guard, which is a different limit.
const { app } = await startGateway(t, {
  LOGIN_ACCOUNT_MAX_FAILURES: '5',
  LOGIN_IP_MAX_FAILURES: '20',
  LOGIN_LOCKOUT_MS: '30000',
});

let n = 0;
async function account(password = 'right-password-1') {
  n += 1;
  const email = `throttle-${n}-${Date.now()}@example.com`;
  await createUser(t.sql, { email, password, name: 'T' });
  return { email, password };
}

function login(email: string, password: string, ip: string, gw = app) {
  return gw.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
}

const GENERIC = /^too many failed sign-in attempts, try again in \d+ s$/;

describe('failed-login throttle', () => {
  it('20 wrong passwords for one account from 20 IPs: locked after 5, even the right password then waits', async () => {
    const victim = await account();
    const statuses: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const res = await login(victim.email, 'guess', `198.51.100.${i}`);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error).toMatchObject({
          code: 'RATE_LIMITED',
          message: expect.stringMatching(GENERIC),
        });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    // No guess is tested while locked: the right password from a fresh IP is refused the same way.
    const right = await login(victim.email, victim.password, '198.51.100.99');
    expect(right.statusCode).toBe(429);
    // Someone else behind one of those IPs is not affected.
    const colleague = await account();
    expect((await login(colleague.email, colleague.password, '198.51.100.3')).statusCode).toBe(200);
  });

  it('20 wrong passwords from one IP for 20 accounts: the IP is locked, for every account', async () => {
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      // Existing and unknown accounts alike: the answer never says which is which.
      const email = i % 2 === 0 ? (await account()).email : `nobody-${i}-${Date.now()}@example.com`;
      statuses.push((await login(email, 'guess', ip)).statusCode);
    }
    expect(statuses).toEqual(Array(20).fill(401));
    const next = await account();
    const res = await login(next.email, next.password, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(GENERIC);
    // The same account from elsewhere is fine: only the IP is locked.
    expect((await login(next.email, next.password, '203.0.113.8')).statusCode).toBe(200);
  });

  it('an office behind one IP: one person locks only their own account; a colleague still signs in', async () => {
    const ip = '192.0.2.50';
    const clumsy = await account();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await login(clumsy.email, 'typo', ip)).statusCode);
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    const colleague = await account();
    expect((await login(colleague.email, colleague.password, ip)).statusCode).toBe(200);
    // The account name is matched case-insensitively: the locked account is locked in any spelling.
    expect((await login(clumsy.email.toUpperCase(), clumsy.password, ip)).statusCode).toBe(429);
  });

  it('a successful login clears the account counter', async () => {
    const user = await account();
    const ip = '192.0.2.60';
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'typo', ip)).statusCode).toBe(401);
    expect((await login(user.email, user.password, ip)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'typo', ip)).statusCode).toBe(401);
    expect((await login(user.email, user.password, ip)).statusCode).toBe(200);
  });

  it('the lockout grows: each further lockout doubles, up to the cap', async () => {
    const quick = await startGateway(t, {
      LOGIN_ACCOUNT_MAX_FAILURES: '2',
      LOGIN_LOCKOUT_MS: '400',
      LOGIN_LOCKOUT_MAX_MS: '1000',
    });
    const user = await account();
    const lockout = async (ip: string) => {
      expect((await login(user.email, 'x', ip, quick.app)).statusCode).toBe(401);
      expect((await login(user.email, 'x', ip, quick.app)).statusCode).toBe(401);
      const locked = await login(user.email, user.password, ip, quick.app);
      expect(locked.statusCode).toBe(429);
      return locked.json().error.details.retryAfterMs as number;
    };
    const first = await lockout('192.0.2.70');
    expect(first).toBeGreaterThan(300);
    expect(first).toBeLessThanOrEqual(400);
    await sleep(first + 50);
    const second = await lockout('192.0.2.71');
    expect(second).toBeGreaterThan(700);
    expect(second).toBeLessThanOrEqual(800);
    await sleep(second + 50);
    const third = await lockout('192.0.2.72');
    expect(third).toBeGreaterThan(900);
    expect(third).toBeLessThanOrEqual(1000);
    await sleep(third + 50);
    // Once the lockout is over the right password works, and clears the history.
    expect((await login(user.email, user.password, '192.0.2.73', quick.app)).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64', () => {
    expect(ipSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(ipSubject('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(ipSubject('2001:0db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipSubject('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(ipSubject('192.0.2.1')).toBe('192.0.2.1');
  });
});
