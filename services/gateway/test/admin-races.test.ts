import { ledgerBalance } from '@smm/db';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { insertSandboxProvider, orderIn, sessions } from './admin-fixtures.ts';
import { bearer, startGateway } from './harness.ts';

/** Races and out-of-band changes an admin (or a script) can cause; found by a hostile review. */
const t = await useTestDatabase();
const { sql } = t;
const gw = await startGateway(t);
const { app } = gw;
const s = await sessions(app, sql);
const c = await insertSandboxProvider(sql, gw.deps.secretBox, {
  apiUrl: 'http://127.0.0.1:9/api/v2',
  apiKey: 'k',
});

describe('accounts changed straight in the database (another replica, a script)', () => {
  it('a user suspended by SQL loses the JSON API within ~5 s, including order creation', async () => {
    const { userId, user } = await sessions(app, sql);
    expect((await app.inject({ method: 'GET', url: '/api/user/me', headers: bearer(user) })).statusCode).toBe(
      200,
    );
    await sql`update users set status = 'suspended' where id = ${userId}`;
    const started = Date.now();
    await expect
      .poll(
        async () =>
          (await app.inject({ method: 'GET', url: '/api/user/me', headers: bearer(user) })).statusCode,
        { timeout: 6_000, interval: 100 },
      )
      .toBe(403);
    expect(Date.now() - started).toBeLessThan(5_600);
    const create = await app.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: bearer(user),
      payload: {
        categoryId: c.categoryId,
        serviceId: c.manualServiceId,
        link: 'https://instagram.com/x',
        qty: 100,
      },
    });
    expect(create.statusCode).toBe(403);
  });

  it('an admin demoted by SQL loses the admin API within ~5 s', async () => {
    const { adminId, admin } = await sessions(app, sql);
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(admin) })).statusCode,
    ).toBe(200);
    await sql`update users set role = 'user' where id = ${adminId}`;
    const started = Date.now();
    await expect
      .poll(
        async () =>
          (await app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(admin) })).statusCode,
        { timeout: 6_000, interval: 100 },
      )
      .toBe(403);
    expect(Date.now() - started).toBeLessThan(5_600);
  });
});

describe('attach-id races', () => {
  it('two admins attach the same provider order id to two orders at once: one wins, the other is refused (409), nothing else moves', async () => {
    const a = await orderIn(app, sql, s.user, c, { status: 'needs_review' });
    const b = await orderIn(app, sql, s.user, c, { status: 'needs_review' });
    const res = await Promise.all(
      [a, b].map((id) =>
        app.inject({
          method: 'PATCH',
          url: `/api/admin/orders/${id}`,
          headers: bearer(s.admin),
          payload: { providerOrderId: '4242' },
        }),
      ),
    );
    const codes = res.map((r) => r.statusCode).sort();
    const rows =
      await sql`select status, provider_order_id from orders where id = any(${[a, b]}) order by status`;
    expect({ codes, rows }).toEqual({
      codes: [200, 409],
      rows: [
        { status: 'needs_review', provider_order_id: null },
        { status: 'processing', provider_order_id: '4242' },
      ],
    });
  });

  it('settle vs cancel vs attach on one order at once: one wins, one ledger refund at most', async () => {
    const o = await orderIn(app, sql, s.user, c, { status: 'needs_review', providerOrderId: '777' });
    await sql`update orders set review_kind = 'settle_refund' where id = ${o}`;
    const res = await Promise.all([
      app.inject({
        method: 'POST',
        url: `/api/admin/orders/${o}/settle`,
        headers: bearer(s.admin),
        payload: { refund: '1', note: 'x' },
      }),
      app.inject({
        method: 'POST',
        url: `/api/admin/orders/${o}/cancel`,
        headers: bearer(s.admin),
        payload: {},
      }),
      app.inject({
        method: 'PATCH',
        url: `/api/admin/orders/${o}`,
        headers: bearer(s.admin),
        payload: { providerOrderId: '778' },
      }),
      app.inject({
        method: 'POST',
        url: `/api/admin/orders/${o}/settle`,
        headers: bearer(s.admin),
        payload: { remains: 0, note: 'y' },
      }),
    ]);
    const won = res.findIndex((r) => r.statusCode === 200);
    expect(res.filter((r) => r.statusCode === 200).length).toBe(1);
    const refunds = await sql`select amount from ledger where order_id = ${o} and kind = 'refund'`;
    // Settle and cancel refund once; an attached id refunds nothing.
    expect(refunds.length).toBe(won === 2 ? 0 : 1);
    const lb = await ledgerBalance(sql, s.userId);
    expect(lb.balance).toBe(lb.ledgerSum);
  });
});
