import { ledgerBalance } from '@smm/db';
import { addMoney, dec, floorMoney, subMoney } from '@smm/domain';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startPanel } from './panel-process.ts';

// The whole system as `npm start` runs it: real processes, real HTTP, real Postgres and Redis.
const t = await useTestDatabase();
const prefix = testPrefix('e2e');
const redisUrl = testRedisUrl();
const [gatewayPort, forwarderPort, syncPort, sandboxPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
];
const DEMO_PASSWORD = 'demo-password-e2e';

const panel = startPanel({
  NODE_ENV: 'development',
  DATABASE_URL: t.url,
  REDIS_URL: redisUrl,
  BULL_PREFIX: prefix,
  PORT: String(gatewayPort),
  FORWARDER_PORT: String(forwarderPort),
  STATUS_SYNC_PORT: String(syncPort),
  SANDBOX_PORT: String(sandboxPort),
  SANDBOX_ORDER_DURATION_MS: '3000',
  SANDBOX_PARTIAL_RATE: '0',
  SANDBOX_CANCEL_RATE: '0',
  SYNC_INTERVAL_MS: '1000',
  REPAIR_INTERVAL_MS: '1000',
  PENDING_GRACE_MS: '2000',
  SUBMITTING_STALE_MS: '4000',
  // status-sync refuses a stale-submitting threshold the forwarder's provider calls could outlast.
  PROVIDER_REQUEST_TIMEOUT_MS: '2000',
  // Refusals on our side wait briefly here, and unknown ones reach review after three rounds.
  FORWARD_SOFT_REJECT_DELAY_MS: '300',
  FORWARD_BACKOFF_MAX_MS: '1000',
  FORWARD_MAX_SOFT_ROUNDS: '3',
  SYNC_MAX_ORDER_ERRORS: '3',
  // A killed worker's jobs and claims are given back within seconds, not the production minutes.
  SYNC_LEASE_MS: '5000',
  FORWARD_LOCK_DURATION_MS: '5000',
  FORWARD_STALLED_INTERVAL_MS: '2000',
  SYNC_POLL_SCALE: '0.02',
  FORWARD_FIRST_STATUS_CHECK_MS: '1000',
  DEMO_PASSWORD,
  ADMIN_PASSWORD: 'admin-password-e2e',
  ORDER_RATE_MAX: '10000',
  LOG_LEVEL: 'warn',
});

afterAll(async () => {
  await panel.stop();
  await deletePrefix(redisUrl, prefix);
});

const api = `http://127.0.0.1:${gatewayPort}`;
async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

interface OrderView {
  id: string;
  link: string;
  status: string;
  price: string;
}

describe('the panel end to end', () => {
  it('orders complete, partially complete and cancel with the right balance, across worker crashes', async () => {
    await panel.waitFor('SMM panel is running', 90_000);

    // The sandbox decides these orders' fate by their links.
    const outcomes = await fetch(`http://127.0.0.1:${sandboxPort}/__admin/outcomes`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { match: { linkIncludes: 'e2e-partial' }, status: 'Partial', remains: 40 },
        { match: { linkIncludes: 'e2e-cancel' }, status: 'Canceled' },
      ]),
    });
    expect(outcomes.ok).toBe(true);

    const { token } = await call<{ token: string }>('POST', '/api/auth/login', undefined, {
      email: 'demo@example.com',
      password: DEMO_PASSWORD,
    });
    const me = await call<{ user: { balance: string; currency: string } }>('GET', '/api/user/me', token);
    expect(me.user).toMatchObject({ balance: '100.000000', currency: 'USD' });
    const { services } = await call<{ services: Array<{ id: string; categoryId: string; name: string }> }>(
      'GET',
      '/api/user/services',
      token,
    );
    const followers = services.find((s) => s.name.startsWith('Instagram Followers'))!;
    expect(followers).toBeDefined();
    const line = (link: string, qty: number) => ({
      categoryId: followers.categoryId,
      serviceId: followers.id,
      link,
      qty,
    });

    // Phase 1: a batch of orders, then both workers are killed while they work on it.
    const batch = await call<{ orderIds: string[] }>('POST', '/api/user/create-orders', token, {
      orders: Array.from({ length: 30 }, (_, i) => line(`https://instagram.com/e2e-batch-${i}`, 100)),
    });
    expect(batch.orderIds).toHaveLength(30);
    const fwdPid = panel.pid('forwarder')!;
    const syncPid = panel.pid('status-sync')!;
    process.kill(fwdPid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(syncPid, 'SIGKILL');
    // The supervisor brings them back, as a container restart policy would.
    await expect
      .poll(() => panel.pid('forwarder') !== fwdPid && panel.pid('status-sync') !== syncPid, {
        timeout: 20_000,
      })
      .toBe(true);

    // Phase 2: one order of each fate.
    const single = async (link: string, qty: number) =>
      (await call<{ orderIds: string[] }>('POST', '/api/user/create-orders', token, line(link, qty)))
        .orderIds[0]!;
    const completedId = await single('https://instagram.com/e2e-complete-1', 100);
    const partialId = await single('https://instagram.com/e2e-partial-1', 1000);
    const canceledId = await single('https://instagram.com/e2e-cancel-1', 200);

    const settled = new Set(['completed', 'partial', 'canceled', 'needs_review']);
    let orders: OrderView[] = [];
    const settledAll = async () => {
      const page = await call<{ orders: OrderView[] }>('GET', '/api/user/orders?limit=100', token);
      orders = page.orders;
      return orders.length === 33 && orders.every((o) => settled.has(o.status));
    };
    try {
      await expect.poll(settledAll, { timeout: 90_000, interval: 500 }).toBe(true);
    } catch (e) {
      // Say which orders were left where, so a failure can be read from the CI log.
      const where = await t.sql`select id, status, submit_attempts, forward_round, last_error,
                                       next_status_check, sync_claimed_until from orders order by created_at`;
      console.error(
        JSON.stringify(
          where.filter((o) => !settled.has(o.status as string)),
          null,
          1,
        ),
      );
      console.error(panel.output().slice(-4000));
      throw e;
    }

    const byId = new Map(orders.map((o) => [o.id, o]));
    expect(byId.get(completedId)!.status).toBe('completed');
    expect(byId.get(partialId)!.status).toBe('partial');
    expect(byId.get(canceledId)!.status).toBe('canceled');
    // Killed mid-call, an order may be left for review — never lost, never in limbo.
    for (const id of batch.orderIds) expect(['completed', 'needs_review']).toContain(byId.get(id)!.status);

    // Nothing sent twice: every link reached the sandbox at most once, and every order that
    // completed reached it exactly once.
    const stats = (await (await fetch(`http://127.0.0.1:${sandboxPort}/__admin/stats`)).json()) as {
      adds: { byTarget: Array<{ link: string; total: number }> };
    };
    const addsByLink = new Map<string, number>();
    for (const e of stats.adds.byTarget) addsByLink.set(e.link, (addsByLink.get(e.link) ?? 0) + e.total);
    for (const o of orders) {
      const n = addsByLink.get(o.link) ?? 0;
      expect(n, o.link).toBeLessThanOrEqual(1);
      if (o.status !== 'needs_review') expect(n, o.link).toBe(1);
    }

    // The money: 100 − Σ prices + the partial refund (40 of 1000 undelivered) + the cancel refund.
    const partial = byId.get(partialId)!;
    const canceled = byId.get(canceledId)!;
    const refunds = addMoney(floorMoney(dec(partial.price).times(40).div(1000)), canceled.price);
    const expected = addMoney(subMoney('100', addMoney(...orders.map((o) => o.price))), refunds);
    const after = await call<{ user: { balance: string } }>('GET', '/api/user/me', token);
    expect(after.user.balance).toBe(expected);
    const [demo] = await t.sql<{ id: string }[]>`select id from users where email = 'demo@example.com'`;
    const books = await ledgerBalance(t.sql, demo!.id);
    expect(books.ledgerSum).toBe(books.balance);
    expect(books.balance).toBe(expected);
  });

  it('against an upstream mixing every real-world quirk: every order ends terminal or in review with a reason, none sent twice, every refund by the rule', async () => {
    const sandboxAdmin = `http://127.0.0.1:${sandboxPort}/__admin`;
    const put = async (path: string, body: unknown) => {
      const res = await fetch(`${sandboxAdmin}${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.ok).toBe(true);
    };
    await put('/outcomes', [
      { match: { linkIncludes: 'mx-partial' }, status: 'Partial', remains: 40 },
      { match: { linkIncludes: 'mx-cancel' }, status: 'Canceled' },
      { match: { linkIncludes: 'mx-pkg-partial' }, status: 'Partial', remains: 10 },
      { match: { linkIncludes: 'mx-drip-partial' }, status: 'Partial', remains: 90 },
    ]);
    const err = (text: string, status = 200) => ({ type: 'error-reply', error: text, status });
    await put('/faults', [
      // Status replies as several real panels write them, for every order.
      {
        match: { action: 'status' },
        quirks: ['pending-remains-zero', 'cancelled-spelling', 'numbers', 'dripfeed-no-remains'],
      },
      { match: { action: 'add' }, quirks: ['package-needs-quantity'] },
      { match: { action: 'add', linkIncludes: 'mx-429' }, quirks: ['id-with-429'] },
      { match: { action: 'add', linkIncludes: 'mx-400' }, quirks: ['id-with-400'] },
      { match: { action: 'add', linkIncludes: 'mx-empty' }, quirks: ['id-with-empty-error'] },
      { match: { action: 'add', linkIncludes: 'mx-ambiguous' }, quirks: ['id-and-error'] },
      { match: { action: 'add', linkIncludes: 'mx-4xx' }, quirks: ['json-4xx-without-error'] },
      { match: { action: 'add', linkIncludes: 'mx-dup' }, quirks: ['repeat-order-id'] },
      {
        match: { action: 'add', linkIncludes: 'mx-sem' },
        effect: err('Incorrect link'),
        quirks: ['status-error-message'],
      },
      {
        match: { action: 'add', linkIncludes: 'mx-sfm' },
        effect: err('Incorrect service ID'),
        quirks: ['success-false-message'],
      },
      {
        match: { action: 'add', linkIncludes: 'mx-account' },
        times: 2,
        effect: err('API is Disable for this user or User Not Found! Contact the Support'),
      },
      {
        match: { action: 'add', linkIncludes: 'mx-ip' },
        times: 1,
        effect: err('Your IP address is not allowed'),
      },
      { match: { action: 'add', linkIncludes: 'mx-rate' }, times: 2, effect: err('Too many requests', 429) },
      { match: { action: 'add', linkIncludes: 'mx-weird' }, effect: err('Something went wrong #1042') },
    ]);

    const { token } = await call<{ token: string }>('POST', '/api/auth/login', undefined, {
      email: 'demo@example.com',
      password: DEMO_PASSWORD,
    });
    const { services } = await call<{ services: Array<{ id: string; categoryId: string; name: string }> }>(
      'GET',
      '/api/user/services',
      token,
    );
    const by = (prefix: string) => services.find((s) => s.name.startsWith(prefix))!;
    const followers = by('Instagram Followers');
    const pkg = by('Instagram Starter Package');
    const drip = by('YouTube Views');
    const place = async (svc: typeof followers, link: string, extra: Record<string, number> = {}) =>
      (
        await call<{ orderIds: string[] }>('POST', '/api/user/create-orders', token, {
          categoryId: svc.categoryId,
          serviceId: svc.id,
          link: `https://instagram.com/${link}`,
          qty: svc === pkg ? 1 : 100,
          ...extra,
        })
      ).orderIds[0]!;
    const statusOf = async (id: string) =>
      (await t.sql<{ status: string }[]>`select status from orders where id = ${id}`)[0]!.status;

    // What each order must come to.
    const want = new Map<string, { status: string; refund: 'none' | 'full' | 'partial-40' }>();
    const expectFate = async (
      svc: typeof followers,
      link: string,
      status: string,
      refund: 'none' | 'full' | 'partial-40' = 'none',
      extra = {},
    ) => {
      const id = await place(svc, link, extra);
      want.set(id, { status, refund });
      return id;
    };
    const first = await expectFate(followers, 'mx-429-a', 'completed');
    // The duplicate must follow an order whose id is held: wait until the first is at the provider.
    await expect.poll(() => statusOf(first), { timeout: 20_000 }).not.toBe('pending');
    await expectFate(followers, 'mx-dup-a', 'needs_review');
    await expectFate(followers, 'mx-400-a', 'completed');
    await expectFate(followers, 'mx-empty-a', 'completed');
    await expectFate(followers, 'mx-ambiguous-a', 'needs_review');
    await expectFate(followers, 'mx-4xx-a', 'needs_review');
    await expectFate(followers, 'mx-sem-a', 'canceled', 'full');
    await expectFate(followers, 'mx-sfm-a', 'canceled', 'full');
    await expectFate(followers, 'mx-account-a', 'completed');
    await expectFate(followers, 'mx-ip-a', 'completed');
    await expectFate(followers, 'mx-rate-a', 'completed');
    await expectFate(followers, 'mx-weird-a', 'needs_review');
    await expectFate(followers, 'mx-partial-a', 'partial', 'partial-40', { qty: 1000 });
    await expectFate(followers, 'mx-cancel-a', 'canceled', 'full');
    await expectFate(pkg, 'mx-pkg-a', 'completed');
    await expectFate(pkg, 'mx-pkg-partial-a', 'needs_review');
    await expectFate(drip, 'mx-drip-partial-a', 'needs_review', 'none', { qty: 100, runs: 3, interval: 5 });

    const settled = new Set(['completed', 'partial', 'canceled', 'needs_review']);
    const ids = [...want.keys()];
    const rows = async () =>
      t.sql<
        {
          id: string;
          link: string;
          status: string;
          reviewKind: string | null;
          lastError: string | null;
          price: string;
          units: number;
          refunded: string;
          refunds: number;
        }[]
      >`
        select o.id, o.link, o.status, o.review_kind as "reviewKind", o.last_error as "lastError", o.price::text as price,
               o.units::int as units,
               coalesce((select sum(amount) from ledger l where l.order_id = o.id and l.kind = 'refund'), 0)::numeric(20,6)::text as refunded,
               (select count(*)::int from ledger l where l.order_id = o.id and l.kind = 'refund') as refunds
        from orders o where o.id in ${t.sql(ids)}`;
    try {
      await expect
        .poll(
          async () =>
            (await rows()).filter((r) => !settled.has(r.status)).map((r) => `${r.link} ${r.status}`),
          {
            timeout: 90_000,
            interval: 500,
          },
        )
        .toEqual([]);
    } catch (e) {
      console.error(JSON.stringify(await rows(), null, 1));
      console.error(panel.output().slice(-4000));
      throw e;
    }

    const stats = (await (await fetch(`${sandboxAdmin}/stats`)).json()) as {
      adds: { byTarget: Array<{ link: string; accepted: number }> };
    };
    const acceptedByLink = new Map<string, number>();
    for (const e of stats.adds.byTarget)
      acceptedByLink.set(e.link, (acceptedByLink.get(e.link) ?? 0) + e.accepted);
    for (const r of await rows()) {
      const w = want.get(r.id)!;
      expect(r.status, r.link).toBe(w.status);
      // In review, always with the decision asked for and the reason.
      if (r.status === 'needs_review') {
        expect(r.reviewKind, r.link).not.toBeNull();
        expect(r.lastError, r.link).toBeTruthy();
      }
      // Never accepted twice by the provider.
      expect(acceptedByLink.get(r.link) ?? 0, r.link).toBeLessThanOrEqual(1);
      // Every refund by the rule, at most one.
      const rule =
        w.refund === 'full'
          ? r.price
          : w.refund === 'partial-40'
            ? floorMoney(dec(r.price).times(40).div(r.units))
            : '0.000000';
      expect(r.refunded, r.link).toBe(rule);
      expect(r.refunds, r.link).toBeLessThanOrEqual(1);
    }
    const [demo] = await t.sql<{ id: string }[]>`select id from users where email = 'demo@example.com'`;
    const books = await ledgerBalance(t.sql, demo!.id);
    expect(books.ledgerSum).toBe(books.balance);
  });

  it('adding funds: the demo customer claims a bKash payment, the admin approves, the balance and history show it', async () => {
    const { token } = await call<{ token: string }>('POST', '/api/auth/login', undefined, {
      email: 'demo@example.com',
      password: DEMO_PASSWORD,
    });
    const { items: methods } = await call<{ items: Array<{ id: string; name: string; currency: string }> }>(
      'GET',
      '/api/user/payment-methods',
      token,
    );
    expect(methods.map((m) => [m.name, m.currency])).toEqual([['bKash (demo)', 'BDT']]);
    const before = (await call<{ user: { balance: string } }>('GET', '/api/user/me', token)).user.balance;
    const { deposit } = await call<{ deposit: { id: string; status: string } }>(
      'POST',
      '/api/user/deposits',
      token,
      {
        methodId: methods[0]!.id,
        amount: '1200',
        transactionId: 'E2E8N7A6B5C',
      },
    );
    expect(deposit.status).toBe('pending');

    const { token: adminToken } = await call<{ token: string }>('POST', '/api/auth/login', undefined, {
      email: 'admin@example.com',
      password: 'admin-password-e2e',
    });
    const queue = await call<{ items: Array<{ id: string }> }>(
      'GET',
      '/api/admin/deposits?status=pending',
      adminToken,
    );
    expect(queue.items.map((d) => d.id)).toEqual([deposit.id]);
    const approved = await call<{ balance: string }>(
      'POST',
      `/api/admin/deposits/${deposit.id}/approve`,
      adminToken,
      {},
    );
    // 1200 BDT at the demo customer's 120 BDT per USD.
    expect(approved.balance).toBe(dec(before).plus(10).toFixed(6));
    const { items } = await call<{
      items: Array<{ kind: string; amount: string; balanceAfter: string; depositId: string }>;
    }>('GET', '/api/user/transactions?limit=1', token);
    expect(items[0]).toMatchObject({
      kind: 'deposit',
      amount: '10.000000',
      balanceAfter: approved.balance,
      depositId: deposit.id,
    });
    const [demo] = await t.sql<{ id: string }[]>`select id from users where email = 'demo@example.com'`;
    const books = await ledgerBalance(t.sql, demo!.id);
    expect(books.ledgerSum).toBe(books.balance);
  });

  it('Ctrl-C stops everything cleanly', async () => {
    const code = await panel.stop();
    expect(code).toBe(0);
    expect(panel.output()).toContain('all stopped');
  });
});
