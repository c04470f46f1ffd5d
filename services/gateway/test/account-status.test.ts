import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { insertSandboxProvider } from './admin-fixtures.ts';
import { bearer, seedUser, startGateway } from './harness.ts';
import { reseller, v2Form } from './reseller-fixtures.ts';

/**
 * architecture.md#security: a token says who the caller is; role and status come from the database. A suspended user
 * or a demoted admin loses access within seconds on every gateway replica — at once on the replica
 * that made the change — on the JSON API, the /api/v2 key and the Bull Board cookie alike.
 */
const t = await useTestDatabase();
const { sql } = t;
const one = await startGateway(t);
// A second replica on the same database: it only learns of a change when its cache expires.
const two = await startGateway(t, { SESSION_CACHE_MS: '1500' });

const adminId = await seedUser(sql, { role: 'admin' });
const admin = bearer(one.app.issueToken({ id: adminId, role: 'admin' }));

const patch = (id: string, payload: object, headers = admin) =>
  one.app.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, headers, payload });
const me = (app: typeof one.app, headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/user/me', headers });

describe('PATCH /api/admin/users/:id and tokens that follow the account', () => {
  it('a suspended user is refused at once here, within seconds on another replica, and on /api/v2; reactivated, works again', async () => {
    const r = await reseller(one.app, sql);
    const token = bearer(r.token);
    expect((await me(one.app, token)).statusCode).toBe(200);
    expect((await me(two.app, token)).statusCode).toBe(200);

    const res = await patch(r.userId, { status: 'suspended' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: r.userId, status: 'suspended' } });

    const here = await me(one.app, token);
    expect(here.statusCode).toBe(403);
    expect(here.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: 'account is suspended' } });
    await expect.poll(async () => (await me(two.app, token)).statusCode, { timeout: 5_000 }).toBe(403);
    expect((await v2Form(one.app, { key: r.key, action: 'balance' })).json()).toEqual({
      error: 'Your account is suspended',
    });
    const [act] =
      await sql`select action, message, actor_id from activity_log where user_id = ${r.userId} and action = 'user.updated'`;
    expect(act).toEqual({ action: 'user.updated', message: 'status → suspended', actor_id: adminId });

    expect((await patch(r.userId, { status: 'active' })).statusCode).toBe(200);
    expect((await me(one.app, token)).statusCode).toBe(200);
  });

  it('a demoted admin loses the admin routes and Bull Board, even with their old admin token and cookie', async () => {
    const otherId = await seedUser(sql, { role: 'admin' });
    const oldToken = one.app.issueToken({ id: otherId, role: 'admin' });
    const cookie = { cookie: `token=${oldToken}` };
    expect(
      (await one.app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(oldToken) }))
        .statusCode,
    ).toBe(200);
    expect((await one.app.inject({ method: 'GET', url: '/admin/queues', headers: cookie })).statusCode).toBe(
      200,
    );

    expect((await patch(otherId, { role: 'user' })).statusCode).toBe(200);
    expect(
      (await one.app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(oldToken) }))
        .statusCode,
    ).toBe(403);
    expect((await one.app.inject({ method: 'GET', url: '/admin/queues', headers: cookie })).statusCode).toBe(
      403,
    );
    await expect
      .poll(
        async () =>
          (await two.app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(oldToken) }))
            .statusCode,
        {
          timeout: 5_000,
        },
      )
      .toBe(403);
    // Suspended, the cookie opens nothing at all.
    expect((await patch(otherId, { status: 'suspended' })).statusCode).toBe(200);
    expect((await one.app.inject({ method: 'GET', url: '/admin/queues', headers: cookie })).statusCode).toBe(
      401,
    );
  });

  it('refuses what would lock the panel out or break the ledger, and writes nothing', async () => {
    // An admin cannot suspend or demote themselves; the last active admin stays one.
    expect((await patch(adminId, { status: 'suspended' })).json()).toMatchObject({
      error: { code: 'BUSINESS_RULE', message: 'an admin cannot suspend or demote themselves' },
    });
    expect((await patch(adminId, { role: 'user' })).statusCode).toBe(422);
    const [self] = await sql`select role, status from users where id = ${adminId}`;
    expect(self).toEqual({ role: 'admin', status: 'active' });

    // A currency change needs a zero balance: the ledger is in one currency.
    const funded = await seedUser(sql, { balance: '10', currency: 'USD' });
    const refused = await patch(funded, { currency: 'BDT' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/balance must be zero/);
    const empty = await seedUser(sql, { currency: 'USD' });
    expect((await patch(empty, { currency: 'BDT', dollarRate: '118.25' })).json()).toMatchObject({
      user: { currency: 'BDT', dollarRate: '118.250000' },
    });

    // Bad input: a clear 400, nothing written.
    expect((await patch(empty, { dollarRate: '-3' })).statusCode).toBe(400);
    expect((await patch(empty, { balance: '1000000' })).statusCode).toBe(400);
    expect((await patch(empty, {})).statusCode).toBe(400);
  });

  it('a new dollar rate prices the next order at once', async () => {
    const cat = await insertSandboxProvider(sql, one.deps.secretBox, {
      apiUrl: 'https://p.example',
      apiKey: 'k',
    });
    await sql`update services set rate = null, rate_usd = '1' where id = ${cat.manualServiceId}`;
    const buyer = await seedUser(sql, { balance: '10000', currency: 'BDT', dollarRate: '100' });
    const token = bearer(one.app.issueToken({ id: buyer, role: 'user' }));
    const order = () =>
      one.app.inject({
        method: 'POST',
        url: '/api/user/create-orders',
        headers: token,
        payload: {
          categoryId: cat.categoryId,
          serviceId: cat.manualServiceId,
          link: 'https://ig.example/x',
          qty: 1000,
        },
      });
    expect((await order()).json()).toMatchObject({ totalCost: '100.000000' });
    expect((await patch(buyer, { dollarRate: '125' })).statusCode).toBe(200);
    expect((await order()).json()).toMatchObject({ totalCost: '125.000000' });
  });
});
