import { setTimeout as sleep } from 'node:timers/promises';
import { createDb, createSecretBox, ledgerBalance } from '@smm/db';
import { buildForwarder } from '@smm/forwarder';
import { buildGateway, closeDeps, loadConfig, openDeps } from '@smm/gateway';
import { createLogger } from '@smm/logger';
import { createProducerConnection, createWorkerConnection, Producer } from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { buildStatusSync, loadConfig as loadSyncConfig } from '@smm/status-sync';
import { startPrivateRedis } from '@smm/testkit';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertShop } from './fixtures.ts';

/**
 * Redis loses all its data under load — flushed, then restarted empty — with every service running
 * on: nothing is restarted by hand, and within 2 minutes every order is terminal or in review.
 */
const redis = await startPrivateRedis();
afterAll(() => redis.stop());
const t = await useTestDatabase();
const { sql } = t;
const silent = createLogger({ service: 'faults', level: 'silent' });
const SECRETS = Buffer.alloc(32, 9).toString('hex');
const box = createSecretBox(Buffer.from(SECRETS, 'hex'));

const sandbox = await startSandbox({ balance: '100000', durationMs: 1_500 });
afterAll(() => sandbox.close());
const shop = await insertShop(sql, { apiUrl: sandbox.apiUrl, apiKeyEnc: box.encrypt(sandbox.apiKey) });
const userId = await insertCustomer(sql, '100000');

const config = loadConfig({
  NODE_ENV: 'test',
  DATABASE_URL: t.url,
  REDIS_URL: redis.url,
  JWT_SECRET: 'fault-test-secret-0123456789abcdef0123456789',
  SECRETS_KEY: SECRETS,
  LOG_LEVEL: 'silent',
  ORDER_RATE_MAX: '100000',
});
const deps = await openDeps(config, { logger: silent });
const app = await buildGateway(deps);
await app.ready();
const token = app.issueToken({ id: userId, role: 'user' });

const forwarderConnection = createWorkerConnection(redis.url);
const forwarder = buildForwarder({
  sql,
  connection: forwarderConnection,
  secretBox: box,
  logger: silent,
  settings: {
    concurrency: 10,
    allowInsecureProviderUrls: true,
    backoffBaseMs: 200,
    providerTimeouts: { request: 2_000 },
  },
});
await forwarder.start();

const syncConfig = loadSyncConfig({
  NODE_ENV: 'test',
  DATABASE_URL: t.url,
  REDIS_URL: redis.url,
  SECRETS_KEY: SECRETS,
  LOG_LEVEL: 'silent',
  SYNC_INTERVAL_MS: '1000',
  REPAIR_INTERVAL_MS: '1000',
  SCHEDULER_CHECK_MS: '2000',
  PENDING_GRACE_MS: '2000',
  PROVIDER_REQUEST_TIMEOUT_MS: '2000',
  SUBMITTING_STALE_MS: '5000',
  SYNC_LEASE_MS: '600000',
  SYNC_POLL_SCALE: '0.02',
});
const syncDb = createDb(t.url, { max: 4 });
const syncProducer = new Producer({
  connection: createProducerConnection(redis.url),
  prefix: syncConfig.bullPrefix,
});
const syncWorkerConnection = createWorkerConnection(redis.url);
const statusSync = buildStatusSync({
  config: syncConfig,
  db: syncDb,
  producer: syncProducer,
  workerConnection: syncWorkerConnection,
  logger: silent,
});
await statusSync.start({ listen: false });

afterAll(async () => {
  await app.close();
  await forwarder.close();
  forwarderConnection.disconnect();
  await statusSync.close();
  // Whoever creates a connection closes it: the services closed only what they made.
  await syncProducer.close();
  syncProducer.connection.disconnect();
  syncWorkerConnection.disconnect();
  await syncDb.close();
  await closeDeps(deps);
});

describe('Redis loses its data under load', () => {
  it('every order ends terminal or in review within 2 minutes, with nothing restarted by hand', async () => {
    const accepted: string[] = [];
    let running = true;
    let n = 0;
    const client = async () => {
      while (running) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/user/create-orders',
          headers: { authorization: `Bearer ${token}` },
          payload: {
            categoryId: shop.categoryId,
            serviceId: shop.serviceId,
            link: `https://instagram.com/rl-${n++}`,
            qty: 100,
          },
        });
        if (res.statusCode === 201) accepted.push(...(res.json() as { orderIds: string[] }).orderIds);
        await sleep(80);
      }
    };
    const clients = Array.from({ length: 4 }, client);
    await sleep(3_000);
    const flushed = await (async () => {
      const { Redis } = await import('ioredis');
      const r = new Redis(redis.url);
      await r.flushall();
      r.disconnect();
      return true;
    })();
    await sleep(4_000);
    await redis.kill();
    await sleep(1_000);
    await redis.start(); // empty: no persistence
    await sleep(3_000);
    running = false;
    await Promise.all(clients);
    expect(flushed).toBe(true);

    const settled = new Set(['completed', 'partial', 'canceled', 'needs_review']);
    const started = Date.now();
    const left = async () =>
      (
        await sql<{ status: string; n: number }[]>`
          select status, count(*)::int as n from orders where user_id = ${userId} group by status`
      ).filter((r) => !settled.has(r.status));
    try {
      await expect.poll(left, { timeout: 120_000, interval: 1_000 }).toEqual([]);
    } catch (e) {
      console.error(JSON.stringify(await left()));
      throw e;
    }
    const states = await sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from orders where user_id = ${userId} group by status order by 1`;
    console.log(
      'redis lost:',
      JSON.stringify({
        accepted: accepted.length,
        settledInS: Math.round((Date.now() - started) / 1000),
        states,
      }),
    );

    expect(accepted.length).toBeGreaterThan(50);
    // Never sent twice: each link reached the provider at most once.
    for (const e of sandbox.stats().adds.byTarget) expect(e.accepted, e.link).toBeLessThanOrEqual(1);
    const books = await ledgerBalance(sql, userId);
    expect(books.balance).toBe(books.ledgerSum);
    // The schedulers are back, and readiness says so.
    expect((await statusSync.queue().getJobSchedulers(0, -1)).length).toBe(4);
    expect((await statusSync.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});
