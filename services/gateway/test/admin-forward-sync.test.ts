import { createDb } from '@smm/db';
import { buildForwarder } from '@smm/forwarder';
import { createLogger } from '@smm/logger';
import { createProducerConnection, createWorkerConnection, Producer, waitForRedis } from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { closeRedis } from '@smm/service-kit';
import { buildStatusSync, loadConfig as loadSyncConfig } from '@smm/status-sync';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSandboxProvider, ledgerOf, orderIn, sessions } from './admin-fixtures.ts';
import { bearer, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
const gw = await startGateway(t, { ADMIN_WAIT_MS: '15000' });
const { app, deps, prefix, redisUrl } = gw;
// Orders are final at the sandbox at once (durationMs 0): one sync completes them.
const sandbox = await startSandbox();
const s = await sessions(app, sql);
const c = await insertSandboxProvider(sql, deps.secretBox, sandbox);
const admin = bearer(s.admin);
const silent = createLogger({ service: 'worker-test', level: 'silent' });

// The real workers, in process, on the gateway's BullMQ prefix.
const forwarderConnection = createWorkerConnection(redisUrl);
const forwarder = buildForwarder({
  sql,
  connection: forwarderConnection,
  secretBox: deps.secretBox,
  logger: silent,
  settings: { prefix, concurrency: 4, allowInsecureProviderUrls: true },
});
const syncConfig = loadSyncConfig({
  NODE_ENV: 'test',
  DATABASE_URL: t.url,
  REDIS_URL: redisUrl,
  BULL_PREFIX: prefix,
  LOG_LEVEL: 'silent',
});
const syncProducerConnection = createProducerConnection(redisUrl);
const syncDb = createDb(t.url, { max: 3, applicationName: 'status-sync-test' });
const syncProducer = new Producer({ connection: syncProducerConnection, prefix });
const syncWorkerConnection = createWorkerConnection(redisUrl);
const statusSync = buildStatusSync({
  config: syncConfig,
  db: syncDb,
  producer: syncProducer,
  workerConnection: syncWorkerConnection,
  logger: silent,
  schedulers: false,
});

beforeAll(async () => {
  await waitForRedis(syncProducerConnection);
  await forwarder.start();
  await statusSync.start({ listen: false });
});

afterAll(async () => {
  await forwarder.close();
  forwarderConnection.disconnect();
  await statusSync.close();
  // Whoever creates a connection closes it: the services closed only what they made.
  await syncProducer.close();
  await Promise.all([closeRedis(syncProducerConnection), closeRedis(syncWorkerConnection)]);
  await syncDb.close();
  await sandbox.close();
});

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: admin, payload });

async function orderRow(id: string) {
  const [row] = await sql<{ status: string; providerOrderId: string | null; forwardRound: number }[]>`
    select status, provider_order_id as "providerOrderId", forward_round as "forwardRound" from orders where id = ${id}`;
  return row!;
}

describe('forward-to-provider through the forwarder', () => {
  it('forwards a manual-mode order and answers with the provider order id', async () => {
    const link = 'https://instagram.com/forward-manual';
    const orderId = await orderIn(app, sql, s.user, c, { link });
    const res = await post('/api/admin/orders/forward-to-provider', { orderId, providerId: c.providerId });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      success: true,
      status: 'processing',
      error: null,
      jobId: `fwd-${orderId}-2`,
    });
    expect(body.providerOrderId).toMatch(/^\d+$/);
    expect(sandbox.addCalls(link)).toEqual({ total: 1, accepted: 1 });
    expect(await orderRow(orderId)).toMatchObject({
      status: 'processing',
      providerOrderId: body.providerOrderId,
    });
    const acts =
      await sql`select action, actor_id as "actorId" from activity_log where order_id = ${orderId}`;
    expect(acts).toContainEqual({ action: 'order.forward_requested', actorId: s.adminId });

    // At the provider now: forwarding again is a conflict, and nothing is sent.
    const again = await post('/api/admin/orders/forward-to-provider', { orderId, providerId: c.providerId });
    expect(again.statusCode).toBe(409);
    expect(sandbox.addCalls(link).total).toBe(1);
  });

  it('re-sends a needs_review order (→ pending, new round), naming the admin', async () => {
    const link = 'https://instagram.com/forward-review';
    const orderId = await orderIn(app, sql, s.user, c, { link, status: 'needs_review' });
    const res = await post('/api/admin/orders/forward-to-provider', { orderId, providerId: c.providerId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'processing' });
    expect(await orderRow(orderId)).toMatchObject({ status: 'processing', forwardRound: 2 });
    expect(sandbox.addCalls(link).accepted).toBe(1);
    const [resend] =
      await sql`select actor_id as "actorId" from activity_log where order_id = ${orderId} and action = 'order.resend'`;
    expect(resend).toEqual({ actorId: s.adminId });
  });

  it('a hard refusal by the provider comes back as canceled and refunded', async () => {
    sandbox.setFaults({
      match: { action: 'add', linkIncludes: 'refused' },
      effect: { type: 'error-reply', error: 'Incorrect link' },
    });
    const orderId = await orderIn(app, sql, s.user, c, { link: 'https://instagram.com/refused' });
    const res = await post('/api/admin/orders/forward-to-provider', { orderId, providerId: c.providerId });
    sandbox.clearFaults();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'canceled', providerOrderId: null });
    expect(res.json().error).toMatch(/Incorrect link/);
    expect((await ledgerOf(sql, orderId)).map((l) => l.kind)).toEqual(['charge', 'refund']);
  });

  it('unknown provider → 404, inactive provider → 422, unknown order → 404', async () => {
    const orderId = await orderIn(app, sql, s.user, c);
    const none = await post('/api/admin/orders/forward-to-provider', {
      orderId,
      providerId: 'prv_00000000000000000000000000',
    });
    expect(none.statusCode).toBe(404);
    const other = await insertSandboxProvider(sql, deps.secretBox, sandbox);
    const elsewhere = await post('/api/admin/orders/forward-to-provider', {
      orderId,
      providerId: other.providerId,
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.details).toEqual({ serviceProviderId: c.providerId });
    await sql`update api_providers set status = 'inactive' where id = ${other.providerId}`;
    const inactive = await post('/api/admin/orders/forward-to-provider', {
      orderId,
      providerId: other.providerId,
    });
    expect(inactive.statusCode).toBe(422);
    const missing = await post('/api/admin/orders/forward-to-provider', {
      orderId: 'ord_00000000000000000000000000',
      providerId: c.providerId,
    });
    expect(missing.statusCode).toBe(404);
    expect(await orderRow(orderId)).toMatchObject({ status: 'pending', forwardRound: 1 });
  });
});

describe('sync-status through status-sync', () => {
  it('syncs one order synchronously: syncedOrders 1 and the order completed', async () => {
    const orderId = await orderIn(app, sql, s.user, c, { link: 'https://instagram.com/sync-one' });
    expect(
      (await post('/api/admin/orders/forward-to-provider', { orderId, providerId: c.providerId })).statusCode,
    ).toBe(200);
    const res = await post('/api/admin/orders/sync-status', { orderId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ success: true, syncedOrders: 1, changedOrders: 1, errors: [] });
    expect((await orderRow(orderId)).status).toBe('completed');
  });

  it('an order that is not at a provider → 409', async () => {
    const orderId = await orderIn(app, sql, s.user, c);
    expect((await post('/api/admin/orders/sync-status', { orderId })).statusCode).toBe(409);
    expect(
      (await post('/api/admin/orders/sync-status', { orderId: 'ord_00000000000000000000000000' })).statusCode,
    ).toBe(404);
  });

  it('forced sync of all orders waits for the sweep and its batches', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const orderId = await orderIn(app, sql, s.user, c, { link: `https://instagram.com/sync-all-${n}` });
      expect(
        (await post('/api/admin/orders/forward-to-provider', { orderId, providerId: c.providerId }))
          .statusCode,
      ).toBe(200);
      ids.push(orderId);
    }
    const live = await sql<{ n: number }[]>`
      select count(*)::int as n from orders where status in ('processing', 'in_progress') and provider_order_id is not null`;
    const res = await post('/api/admin/orders/sync-status', { forceSync: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ success: true, errors: [] });
    expect(res.json().syncedOrders).toBe(live[0]!.n);
    for (const id of ids) expect((await orderRow(id)).status).toBe('completed');
  });
});
