import { type FaultRuleInput, startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedUser, startGateway } from './harness.ts';
import { balanceOf, ledgerMatchesBalance } from './reseller-fixtures.ts';
import { startWorkers } from './worker-fixtures.ts';

/**
 * The whole path — intake → forward → sync → ledger — against a sandbox answering the way real
 * panels and hostile providers do (each quirk mirrors a recorded reply in real-peer-replies.json).
 * Every case checks the sandbox's add counter (an order is never accepted twice) and Σ ledger = balance.
 */
const sandbox = await startSandbox({
  outcomes: [
    { match: { linkIncludes: 'stay-pending' }, status: 'Pending' },
    { match: { linkIncludes: 'stay-running' }, status: 'In progress', remains: 40 },
    { match: { linkIncludes: 'pkg-partial' }, status: 'Partial', remains: 10 },
    { match: { linkIncludes: 'drip-partial' }, status: 'Partial', remains: 120 },
  ],
});
afterAll(() => sandbox.close());
const t = await useTestDatabase();
const { sql } = t;
const gw = await startGateway(t);
const { app } = gw;
const workers = await startWorkers(t, gw, {
  forwarder: { softRejectDelayMs: 200, backoffMaxMs: 400, maxSoftRounds: 3, backoffBaseMs: 50 },
  statusSyncEnv: { SYNC_MAX_ORDER_ERRORS: '3' },
});
const adminId = await seedUser(sql, { role: 'admin' });
const admin = bearer(app.issueToken({ id: adminId, role: 'admin' }));
const customerId = await seedUser(sql, { balance: '1000', currency: 'USD' });
const customer = bearer(app.issueToken({ id: customerId, role: 'user' }));

let providerId = '';
const services = new Map<string, { id: string; categoryId: string }>();

function faults(rules: FaultRuleInput[]) {
  sandbox.setFaults(rules);
}
afterEach(async () => {
  sandbox.clearFaults();
  expect(await ledgerMatchesBalance(sql, customerId)).toBe(true);
});

async function importServices(): Promise<{ statusCode: number; json: Record<string, unknown> }> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/admin/providers/${providerId}/import-services`,
    headers: admin,
    payload: { markupPercent: '0' },
  });
  const rows = await sql<{ id: string; categoryId: string; psid: string }[]>`
    select id, category_id as "categoryId", provider_service_id as psid from services where provider_id = ${providerId}`;
  for (const r of rows) services.set(r.psid, { id: r.id, categoryId: r.categoryId });
  return { statusCode: res.statusCode, json: res.json() };
}

beforeAll(async () => {
  const created = await app.inject({
    method: 'POST',
    url: '/api/admin/providers',
    headers: admin,
    payload: { name: 'Real-world upstream', apiUrl: sandbox.apiUrl, apiKey: sandbox.apiKey },
  });
  providerId = (created.json() as { provider: { id: string } }).provider.id;
});

let n = 0;
function link(label: string): string {
  n++;
  return `https://instagram.com/${label}-${n}`;
}

async function place(psid: string, linkUrl: string, extra: Record<string, unknown> = {}): Promise<string> {
  const svc = services.get(psid)!;
  const res = await app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: customer,
    payload: { categoryId: svc.categoryId, serviceId: svc.id, link: linkUrl, qty: 100, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { orderIds: string[] }).orderIds[0]!;
}

interface Row {
  status: string;
  providerOrderId: string | null;
  reviewKind: string | null;
  lastError: string | null;
  remains: number | null;
  price: string;
  refunded: string;
  providerStatus: string | null;
  cancelStatus: string | null;
}
async function row(id: string): Promise<Row> {
  const [r] = await sql<Row[]>`
    select status, provider_order_id as "providerOrderId", review_kind as "reviewKind", last_error as "lastError",
           remains::int as remains, price::text as price, provider_status as "providerStatus",
           cancel_status as "cancelStatus",
           coalesce((select sum(amount) from ledger l where l.order_id = o.id and l.kind = 'refund'), 0)::text
             as refunded
    from orders o where id = ${id}`;
  return r!;
}
async function settles(id: string, status: string, timeout = 10_000): Promise<Row> {
  await expect.poll(async () => (await row(id)).status, { timeout }).toBe(status);
  return row(id);
}
const sync = (...orderIds: string[]) => workers.statusSync.run.batch({ providerId, orderIds });
const accepted = (l: string) => sandbox.addCalls(l).accepted;

describe('the services list of a real panel', () => {
  it('services.null-desc: nothing is skipped for null or missing fields; a re-import brings the flags back', async () => {
    faults([{ match: { action: 'services' }, quirks: ['services-nulls'] }]);
    const first = await importServices();
    expect(first.statusCode, JSON.stringify(first.json)).toBe(200);
    expect(first.json).toMatchObject({ created: 6, skipped: 0, skippedEntries: [], currency: 'USD' });
    const [drip] = await sql`select type, dripfeed, refill, description from services
                             where provider_id = ${providerId} and provider_service_id = '3'`;
    expect(drip).toEqual({ type: 'Default', dripfeed: true, refill: false, description: null });

    sandbox.clearFaults();
    const second = await importServices();
    expect(second.json).toMatchObject({ created: 0, skipped: 0 });
    const [one] =
      await sql`select refill, cancel from services where provider_id = ${providerId} and provider_service_id = '1'`;
    expect(one).toEqual({ refill: true, cancel: true });
  });
});

describe('add replies: the body decides, before the HTTP status', () => {
  for (const quirk of ['id-with-429', 'id-with-400', 'id-with-empty-error'] as const) {
    it(`${quirk}: an accepted order, completed and charged once`, async () => {
      const l = link(quirk);
      faults([{ match: { action: 'add', linkIncludes: quirk }, quirks: [quirk] }]);
      const id = await place('1', l);
      const fwd = await settles(id, 'processing');
      expect(fwd.providerOrderId).toMatch(/^\d+$/);
      const [act] =
        await sql`select message from activity_log where order_id = ${id} and action = 'order.forwarded'`;
      if (quirk !== 'id-with-empty-error')
        expect(act!.message).toMatch(/odd reply: order id \d+ came with HTTP (429|400)/);
      await sync(id);
      expect(await row(id)).toMatchObject({ status: 'completed', refunded: '0' });
      expect(accepted(l)).toBe(1);
      expect(sandbox.addCalls(l).total).toBe(1);
    });
  }

  for (const quirk of ['id-and-error', 'json-4xx-without-error'] as const) {
    it(`${quirk}: ambiguous → needs_review, never sent again, never refunded`, async () => {
      const l = link(quirk);
      faults([{ match: { action: 'add', linkIncludes: quirk }, quirks: [quirk] }]);
      const before = await balanceOf(sql, customerId);
      const id = await place('1', l);
      const r = await settles(id, 'needs_review');
      expect(r).toMatchObject({ reviewKind: 'ambiguous_reply', providerOrderId: null, refunded: '0' });
      // The repair job never re-sends an order in review.
      await workers.statusSync.run.repair();
      expect(sandbox.addCalls(l)).toEqual({ total: 1, accepted: 1 });
      expect(await balanceOf(sql, customerId)).not.toBe(before);
    });
  }

  it('add.duplicate-id: an id already held by another order sends the second to review; the status reply moves only the first', async () => {
    const a = link('dup-a');
    const b = link('dup-b');
    const first = await place('1', a);
    const firstRow = await settles(first, 'processing');
    faults([{ match: { action: 'add', linkIncludes: 'dup-b' }, quirks: ['repeat-order-id'] }]);
    const second = await place('1', b);
    const r = await settles(second, 'needs_review');
    expect(r.reviewKind).toBe('duplicate_provider_id');
    expect(r.providerOrderId).toBeNull();
    expect(r.lastError).toContain(`order id ${firstRow.providerOrderId}`);
    expect(r.lastError).toContain(first);
    await sync(first);
    expect(await row(first)).toMatchObject({ status: 'completed', refunded: '0' });
    expect(await row(second)).toMatchObject({ status: 'needs_review', refunded: '0' });
    // The admin cannot attach the held id to the second order either.
    const attach = await app.inject({
      method: 'PATCH',
      url: `/api/admin/orders/${second}`,
      headers: admin,
      payload: { providerOrderId: firstRow.providerOrderId },
    });
    expect(attach.statusCode).toBe(409);
    expect((attach.json() as { error: { details: unknown } }).error.details).toEqual({ heldBy: first });
    expect(accepted(a)).toBe(1);
    expect(accepted(b)).toBe(1);
  });

  it('add.429-json-rate-limit: not sent, retried with backoff, then accepted once', async () => {
    const l = link('rl');
    faults([
      {
        match: { action: 'add', linkIncludes: 'rl-' },
        times: 2,
        effect: { type: 'error-reply', status: 429, error: 'Too many requests' },
      },
    ]);
    const id = await place('1', l);
    await settles(id, 'processing');
    expect(sandbox.addCalls(l)).toEqual({ total: 3, accepted: 1 });
  });
});

describe('refusals: only the order itself may be at fault for a cancel', () => {
  it('add.status-error-message: a refusal about the order cancels and refunds it in full', async () => {
    const l = link('sem');
    // Below the provider's minimum (50): our own minimum is lower, the provider refuses.
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/admin/services/${services.get('1')!.id}`,
      headers: admin,
      payload: { minOrder: 10 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    faults([{ match: { action: 'add', linkIncludes: 'sem' }, quirks: ['status-error-message'] }]);
    const before = await balanceOf(sql, customerId);
    const id = await place('1', l, { qty: 20 });
    const r = await settles(id, 'canceled');
    expect(r.refunded).toBe(r.price);
    expect(r.lastError).toBe('Quantity less than minimal 50');
    expect(await balanceOf(sql, customerId)).toBe(before);
    expect(accepted(l)).toBe(0);
  });

  it('add.success-false-message: "Incorrect service ID" in that shape cancels and refunds', async () => {
    const l = link('sfm');
    faults([
      {
        match: { action: 'add', linkIncludes: 'sfm' },
        effect: { type: 'error-reply', error: 'Incorrect service ID' },
        quirks: ['success-false-message'],
      },
    ]);
    const id = await place('1', l);
    const r = await settles(id, 'canceled');
    expect(r.refunded).toBe(r.price);
  });

  for (const [name, text] of [
    ['add.account-disabled', 'API is Disable for this user or User Not Found! Contact the Support'],
    ['add.ip-not-allowed', 'Your IP address is not allowed'],
    ['add.user-banned', 'User is banned'],
  ] as const) {
    it(`${name}: the panel's own account — the order waits, the provider is flagged, nothing refunded; sent once fixed`, async () => {
      const l = link(name.replace(/\W/g, '-'));
      faults([
        {
          match: { action: 'add', linkIncludes: name.replace(/\W/g, '-') },
          effect: { type: 'error-reply', error: text },
        },
      ]);
      const before = await balanceOf(sql, customerId);
      const id = await place('1', l);
      await expect.poll(async () => sandbox.addCalls(l).total, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      await expect.poll(async () => (await row(id)).lastError, { timeout: 5_000 }).toBe(text);
      const r = await row(id);
      expect(['pending', 'submitting']).toContain(r.status);
      expect(r.refunded).toBe('0');
      const [p] = await sql`select flag_reason from api_providers where id = ${providerId}`;
      expect(p!.flag_reason).toContain(text);
      // Unknown-text rounds are not counted for an account problem: it never goes to review for it.
      const [c] = await sql`select soft_rejections from orders where id = ${id}`;
      expect(c!.soft_rejections).toBe(0);

      sandbox.clearFaults(); // the admin fixed the account at the provider
      await settles(id, 'processing');
      const [unflagged] = await sql`select flagged_at from api_providers where id = ${providerId}`;
      expect(unflagged!.flagged_at).toBeNull();
      expect(accepted(l)).toBe(1);
      expect(await balanceOf(sql, customerId)).not.toBe(before);
    });
  }

  it('an unknown refusal waits with backoff and, after FORWARD_MAX_SOFT_ROUNDS, goes to review — never a cancel', async () => {
    const l = link('weird');
    faults([
      {
        match: { action: 'add', linkIncludes: 'weird' },
        effect: { type: 'error-reply', error: 'Something went wrong #1042' },
      },
    ]);
    const id = await place('1', l);
    const r = await settles(id, 'needs_review');
    expect(r.reviewKind).toBe('unknown_refusal');
    expect(r.lastError).toMatch(/words no rule knows \(3 times\): Something went wrong #1042/);
    expect(r.refunded).toBe('0');
    expect(sandbox.addCalls(l)).toEqual({ total: 3, accepted: 0 });
  });
});

describe('packages', () => {
  it('add.package-needs-quantity: a package add carries quantity=1, so the provider takes it', async () => {
    const l = link('pkg-ok');
    faults([{ match: { action: 'add' }, quirks: ['package-needs-quantity'] }]);
    const id = await place('5', l, { qty: 1 });
    await settles(id, 'processing');
    expect(accepted(l)).toBe(1);
    await sync(id);
    expect(await row(id)).toMatchObject({ status: 'completed', refunded: '0' });
  });

  it('status.package-partial: no refund from remains; an admin settles it once through the refund path', async () => {
    const l = link('pkg-partial');
    const id = await place('5', l, { qty: 1 });
    await settles(id, 'processing');
    await sync(id);
    const r = await row(id);
    expect(r).toMatchObject({
      status: 'needs_review',
      reviewKind: 'settle_refund',
      refunded: '0',
      providerStatus: 'Partial',
    });
    const settle = (payload: object) =>
      app.inject({ method: 'POST', url: `/api/admin/orders/${id}/settle`, headers: admin, payload });
    // More than the price is refused and changes nothing.
    expect((await settle({ refund: '999', note: 'too much' })).statusCode).toBe(422);
    const ok = await settle({ refund: '1.000000', note: 'provider delivered 60 %' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ refunded: '1.000000', order: { status: 'partial', reviewKind: null } });
    expect((await settle({ refund: '1.000000', note: 'again' })).statusCode).toBe(409);
    expect((await row(id)).refunded).toBe('1.000000');
    const [led] = await sql`select count(*)::int as n from ledger where order_id = ${id} and kind = 'refund'`;
    expect(led!.n).toBe(1);
    // Status sync never touches it again.
    expect((await sync(id)).synced).toBe(0);
  });
});

describe('status replies', () => {
  it('status.pending-remains-zero: remains "0" in a Pending reply is not delivery', async () => {
    const l = link('stay-pending');
    const id = await place('1', l);
    await settles(id, 'processing');
    faults([{ match: { action: 'status' }, quirks: ['pending-remains-zero'] }]);
    await sync(id);
    expect(await row(id)).toMatchObject({ status: 'processing', remains: null, providerStatus: 'Pending' });
  });

  it('status.dripfeed-no-remains: a running drip-feed stays live; its Partial without remains waits for an admin', async () => {
    faults([{ match: { action: 'status' }, quirks: ['dripfeed-no-remains'] }]);
    const running = await place('3', link('stay-running'), { qty: 100, runs: 3, interval: 10 });
    const partial = await place('3', link('drip-partial'), { qty: 100, runs: 3, interval: 10 });
    await settles(running, 'processing');
    await settles(partial, 'processing');
    await sync(running, partial);
    expect(await row(running)).toMatchObject({ status: 'in_progress', remains: null });
    expect(await row(partial)).toMatchObject({
      status: 'needs_review',
      reviewKind: 'settle_refund',
      refunded: '0',
    });
    // Settled by remains in the order's units (300 = 100 × 3 runs): 120 not delivered.
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/orders/${partial}/settle`,
      headers: admin,
      payload: { remains: 120, note: 'provider says 180 of 300 delivered' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = await row(partial);
    expect(r).toMatchObject({ status: 'partial', remains: 120 });
    expect(r.refunded).toBe((Number(r.price) * 0.4).toFixed(6));
  });

  it('status.multi-bare-string-error: an order the provider does not know is counted, backs off, then goes to review', async () => {
    faults([{ match: { action: 'status' }, quirks: ['bare-string-errors'] }]);
    const good = await place('1', link('good'));
    const lost = await place('1', link('lost'));
    await settles(good, 'processing');
    await settles(lost, 'processing');
    // The provider lost this order: it answers "Incorrect order ID" for its id from now on.
    await sql`update orders set provider_order_id = '987650001' where id = ${lost}`;
    await sync(good, lost);
    expect(await row(good)).toMatchObject({ status: 'completed' });
    for (let i = 0; i < 2; i++) {
      await sql`update orders set next_status_check = now() where id = ${lost}`;
      await sync(lost);
    }
    const r = await row(lost);
    expect(r).toMatchObject({ status: 'needs_review', reviewKind: 'sync_errors', refunded: '0' });
    expect(r.lastError).toMatch(/3 times in a row \(Incorrect order ID\)/);
  });
});

describe('refill and cancel a provider does not offer', () => {
  it('refill.unsupported: the refill is rejected, not retried; the order stays as it is', async () => {
    const l = link('refill-no');
    const id = await place('1', l);
    await settles(id, 'processing');
    await sync(id);
    faults([{ match: { action: 'refill' }, quirks: ['actions-invalid'] }]);
    const res = await app.inject({ method: 'POST', url: `/api/user/orders/${id}/refill`, headers: customer });
    expect(res.statusCode, res.body).toBe(202);
    const refillId = (res.json() as { refillId: string }).refillId;
    await expect
      .poll(async () => (await sql`select status, last_error from refills where id = ${refillId}`)[0], {
        timeout: 10_000,
      })
      .toEqual({ status: 'rejected', last_error: 'This action is Invalid' });
    expect(sandbox.stats().requests.byAction.refill).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'completed', refunded: '0' });
  });

  it('cancel.unsupported: the cancel request is rejected; the order stays live and charged', async () => {
    const l = link('stay-running-cancel');
    const id = await place('1', l);
    await settles(id, 'processing');
    faults([{ match: { action: 'cancel' }, quirks: ['actions-invalid'] }]);
    const res = await app.inject({ method: 'POST', url: `/api/user/orders/${id}/cancel`, headers: customer });
    expect(res.statusCode, res.body).toBe(202);
    await expect.poll(async () => (await row(id)).cancelStatus, { timeout: 10_000 }).toBe('rejected');
    expect(await row(id)).toMatchObject({ status: 'processing', refunded: '0' });
  });
});
