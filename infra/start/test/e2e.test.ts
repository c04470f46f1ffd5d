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

    // Ctrl-C stops everything cleanly.
    const code = await panel.stop();
    expect(code).toBe(0);
    expect(panel.output()).toContain('all stopped');
  });
});
