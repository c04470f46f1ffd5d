import { newId } from '@smm/domain';
import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { insertSandboxProvider, orderIn, sessions } from './admin-fixtures.ts';
import { bearer, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
// No workers run here: forward and sync answer 202 once this short wait runs out.
const { app, deps } = await startGateway(t, { ADMIN_WAIT_MS: '300' });
const sandbox = await startSandbox();
afterAll(() => sandbox.close());

const s = await sessions(app, sql);
const c = await insertSandboxProvider(sql, deps.secretBox, sandbox);
const spare = await insertSandboxProvider(sql, deps.secretBox, sandbox);
const order = await orderIn(app, sql, s.user, c);
const toCancel = await orderIn(app, sql, s.user, c);
const toForward = await orderIn(app, sql, s.user, c);
// The provider finished it in a way no rule may refund: an admin settles it.
const toSettle = await orderIn(app, sql, s.user, c, { status: 'needs_review', providerOrderId: '4242' });
await sql`update orders set review_kind = 'settle_refund' where id = ${toSettle}`;

// Money in: a method to edit, one to archive, and a deposit each to approve and to reject.
const [method, spareMethod] = [newId('paymentMethod'), newId('paymentMethod')];
for (const id of [method, spareMethod]) {
  await sql`insert into payment_methods (id, name, kind, currency, account, min_amount, max_amount)
            values (${id}, 'bKash', 'mobile_wallet', 'BDT', '01711-000000', 100, 25000)`;
}
const [toApprove, toReject] = [newId('deposit'), newId('deposit')];
for (const [id, trx] of [
  [toApprove, 'AUTH-APPROVE'],
  [toReject, 'AUTH-REJECT'],
] as const) {
  await sql`insert into deposits (id, user_id, method_id, amount, currency, fee_percent, transaction_id)
            values (${id}, ${s.userId}, ${method}, 500, 'BDT', 0, ${trx})`;
}

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The route as OpenAPI names it, to check that the table covers every admin route. */
  pattern: string;
  url: string;
  payload?: object;
  ok: number;
}

const cases: Case[] = [
  { method: 'GET', pattern: '/api/admin/users', url: '/api/admin/users?search=example', ok: 200 },
  {
    method: 'POST',
    pattern: '/api/admin/users/{id}/balance',
    url: `/api/admin/users/${s.userId}/balance`,
    payload: { amount: '5.25', note: 'goodwill' },
    ok: 200,
  },
  { method: 'GET', pattern: '/api/admin/activity', url: `/api/admin/activity?userId=${s.userId}`, ok: 200 },
  { method: 'GET', pattern: '/api/admin/sync/overview', url: '/api/admin/sync/overview', ok: 200 },
  { method: 'GET', pattern: '/api/admin/orders', url: '/api/admin/orders?status=needs_review', ok: 200 },
  { method: 'GET', pattern: '/api/admin/orders/{id}', url: `/api/admin/orders/${order}`, ok: 200 },
  {
    method: 'PATCH',
    pattern: '/api/admin/orders/{id}',
    url: `/api/admin/orders/${order}`,
    payload: { adminNotes: 'checked' },
    ok: 200,
  },
  {
    method: 'PATCH',
    pattern: '/api/admin/users/{id}',
    url: `/api/admin/users/${s.userId}`,
    payload: { dollarRate: '121.5' },
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/orders/{id}/settle',
    url: `/api/admin/orders/${toSettle}/settle`,
    payload: { remains: 100, note: 'provider says 900 of 1000 delivered' },
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/orders/{id}/cancel',
    url: `/api/admin/orders/${toCancel}/cancel`,
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/orders/manual',
    url: '/api/admin/orders/manual',
    payload: {
      userId: s.userId,
      serviceId: c.manualServiceId,
      link: 'https://instagram.com/x',
      quantity: 100,
    },
    ok: 201,
  },
  {
    method: 'POST',
    pattern: '/api/admin/orders/forward-to-provider',
    url: '/api/admin/orders/forward-to-provider',
    payload: { orderId: toForward, providerId: c.providerId },
    ok: 202,
  },
  {
    method: 'POST',
    pattern: '/api/admin/orders/sync-status',
    url: '/api/admin/orders/sync-status',
    payload: {},
    ok: 202,
  },
  { method: 'GET', pattern: '/api/admin/providers', url: '/api/admin/providers', ok: 200 },
  {
    method: 'GET',
    pattern: '/api/admin/providers/{id}',
    url: `/api/admin/providers/${c.providerId}`,
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/providers',
    url: '/api/admin/providers',
    payload: { name: 'New', apiUrl: 'https://panel.example/api/v2', apiKey: 'k-123456789' },
    ok: 201,
  },
  {
    method: 'PATCH',
    pattern: '/api/admin/providers/{id}',
    url: `/api/admin/providers/${c.providerId}`,
    payload: { maxConcurrency: 20 },
    ok: 200,
  },
  {
    method: 'DELETE',
    pattern: '/api/admin/providers/{id}',
    url: `/api/admin/providers/${spare.providerId}`,
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/providers/{id}/check',
    url: `/api/admin/providers/${c.providerId}/check`,
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/providers/{id}/import-services',
    url: `/api/admin/providers/${c.providerId}/import-services`,
    payload: { markupPercent: '20', categoryId: c.categoryId },
    ok: 200,
  },
  { method: 'GET', pattern: '/api/admin/services', url: '/api/admin/services?mode=manual', ok: 200 },
  {
    method: 'GET',
    pattern: '/api/admin/services/{id}',
    url: `/api/admin/services/${c.autoServiceId}`,
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/services',
    url: '/api/admin/services',
    payload: {
      name: 'Hand likes',
      categoryId: c.categoryId,
      rate: '80',
      minOrder: 10,
      maxOrder: 500,
      mode: 'manual',
    },
    ok: 201,
  },
  {
    method: 'PATCH',
    pattern: '/api/admin/services/{id}',
    url: `/api/admin/services/${c.autoServiceId}`,
    payload: { description: 'fast' },
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/services/bulk-status',
    url: '/api/admin/services/bulk-status',
    payload: { ids: [c.autoServiceId], status: 'active' },
    ok: 200,
  },
  {
    method: 'DELETE',
    pattern: '/api/admin/services/{id}',
    url: `/api/admin/services/${spare.autoServiceId}`,
    ok: 200,
  },
  { method: 'GET', pattern: '/api/admin/categories', url: '/api/admin/categories', ok: 200 },
  {
    method: 'POST',
    pattern: '/api/admin/categories',
    url: '/api/admin/categories',
    payload: { name: 'YouTube' },
    ok: 201,
  },
  {
    method: 'PATCH',
    pattern: '/api/admin/categories/{id}',
    url: `/api/admin/categories/${c.categoryId}`,
    payload: { sortOrder: 3 },
    ok: 200,
  },
  {
    method: 'DELETE',
    pattern: '/api/admin/categories/{id}',
    url: `/api/admin/categories/${spare.categoryId}`,
    ok: 200,
  },
  { method: 'GET', pattern: '/api/admin/dashboard', url: '/api/admin/dashboard', ok: 200 },
  {
    method: 'POST',
    pattern: '/api/admin/users/{id}/password',
    url: `/api/admin/users/${s.userId}/password`,
    payload: { password: 'a-new-password-1' },
    ok: 200,
  },
  { method: 'GET', pattern: '/api/admin/payment-methods', url: '/api/admin/payment-methods', ok: 200 },
  {
    method: 'POST',
    pattern: '/api/admin/payment-methods',
    url: '/api/admin/payment-methods',
    payload: {
      name: 'Nagad',
      kind: 'mobile_wallet',
      currency: 'BDT',
      account: '01811-000000',
      minAmount: '50',
      maxAmount: '10000',
    },
    ok: 201,
  },
  {
    method: 'PATCH',
    pattern: '/api/admin/payment-methods/{id}',
    url: `/api/admin/payment-methods/${method}`,
    payload: { instructions: 'Send Money, then submit the TrxID' },
    ok: 200,
  },
  {
    method: 'DELETE',
    pattern: '/api/admin/payment-methods/{id}',
    url: `/api/admin/payment-methods/${spareMethod}`,
    ok: 200,
  },
  { method: 'GET', pattern: '/api/admin/deposits', url: '/api/admin/deposits?status=pending', ok: 200 },
  {
    method: 'POST',
    pattern: '/api/admin/deposits/{id}/approve',
    url: `/api/admin/deposits/${toApprove}/approve`,
    payload: {},
    ok: 200,
  },
  {
    method: 'POST',
    pattern: '/api/admin/deposits/{id}/reject',
    url: `/api/admin/deposits/${toReject}/reject`,
    payload: { reason: 'not on the statement' },
    ok: 200,
  },
  {
    method: 'GET',
    pattern: '/api/admin/users/{id}/transactions',
    url: `/api/admin/users/${s.userId}/transactions`,
    ok: 200,
  },
];

describe('every admin route: anonymous 401, user 403, admin 2xx', () => {
  it('the table covers every /api/admin route the gateway serves', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/admin'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(served).toEqual(cases.map((k) => `${k.method} ${k.pattern}`).sort());
  });

  it.each(cases)('$method $pattern', async (k) => {
    const send = (headers: Record<string, string>) =>
      app.inject({ method: k.method, url: k.url, headers, ...(k.payload ? { payload: k.payload } : {}) });

    const anon = await send({});
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });

    const user = await send(bearer(s.user));
    expect(user.statusCode).toBe(403);
    expect(user.json()).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });

    const admin = await send(bearer(s.admin));
    expect(admin.statusCode, admin.body).toBe(k.ok);
    expect(admin.json()).toMatchObject({ success: true });
  });

  it('Bull Board: 401 anonymous, 403 for a user, 200 for an admin', async () => {
    expect((await app.inject({ method: 'GET', url: '/admin/queues' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/admin/queues', headers: bearer(s.user) })).statusCode,
    ).toBe(403);
    const ok = await app.inject({ method: 'GET', url: '/admin/queues', headers: bearer(s.admin) });
    expect(ok.statusCode).toBe(200);
  });
});
