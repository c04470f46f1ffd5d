import { setTimeout as sleep } from 'node:timers/promises';
import { chargeAndCreateOrders, createSecretBox } from '@smm/db';
import { newId } from '@smm/domain';
import { buildForwarder } from '@smm/forwarder';
import { createLogger } from '@smm/logger';
import {
  createProducerConnection,
  createWorkerConnection,
  enqueueBulk,
  forwardJobId,
  Producer,
  waitForRedis,
} from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertShop, ledgerHolds, percentile } from './fixtures.ts';

/**
 * A provider that accepts connections and never answers, at its full max concurrency: the other
 * provider's orders still go out at once (it holds at most its share of the pool), and after a few
 * calls with no answer the hung one is tripped — flagged, and sent nothing more.
 */
const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('hung');
afterAll(() => deletePrefix(redisUrl, prefix));
const box = createSecretBox(Buffer.alloc(32, 7));

const hung = await startSandbox({ balance: '100000' });
hung.setFaults({ match: { action: 'add' }, effect: { type: 'timeout-after-accept' } });
const healthy = await startSandbox({ balance: '100000' });
afterAll(async () => {
  await hung.close();
  await healthy.close();
});
const CONCURRENCY = 10;
const hungShop = await insertShop(sql, {
  apiUrl: hung.apiUrl,
  apiKeyEnc: box.encrypt(hung.apiKey),
  maxConcurrency: CONCURRENCY,
});
const okShop = await insertShop(sql, { apiUrl: healthy.apiUrl, apiKeyEnc: box.encrypt(healthy.apiKey) });
const userId = await insertCustomer(sql, '100000');

const connection = createWorkerConnection(redisUrl);
const producerConnection = createProducerConnection(redisUrl);
await Promise.all([waitForRedis(connection), waitForRedis(producerConnection)]);
const producer = new Producer({ connection: producerConnection, prefix });
const forwarder = buildForwarder({
  sql,
  connection,
  secretBox: box,
  logger: createLogger({ service: 'faults', level: 'silent' }),
  settings: {
    prefix,
    concurrency: CONCURRENCY,
    allowInsecureProviderUrls: true,
    providerTimeouts: { response: 2_000, request: 2_500 },
    tripAfter: 5,
    tripCooldownMs: 60_000,
    limitRetryMs: 50,
  },
});
await forwarder.start();
afterAll(async () => {
  await forwarder.close();
  await producer.close();
  connection.disconnect();
  producerConnection.disconnect();
});

async function place(shop: typeof okShop, label: string, n: number): Promise<string[]> {
  const lines = Array.from({ length: n }, (_, i) => ({
    orderId: newId('order'),
    serviceId: shop.serviceId,
    categoryId: shop.categoryId,
    providerId: shop.providerId,
    link: `https://instagram.com/${label}-${i}`,
    quantity: 100,
    price: '0.100000',
    bdtPrice: '12.000000',
    usdPrice: '0.100000',
  }));
  const charged = await chargeAndCreateOrders(sql, {
    userId,
    currency: 'USD',
    total: (n * 0.1).toFixed(6),
    lines,
    actorId: userId,
  });
  expect(charged).not.toBeNull();
  await enqueueBulk(
    producer,
    'forward-order',
    lines.map((l) => ({ payload: { orderId: l.orderId }, opts: { jobId: forwardJobId(l.orderId, 1) } })),
  );
  return lines.map((l) => l.orderId);
}

describe('a provider that accepts connections and never answers', () => {
  it('does not starve the other provider, and trips after PROVIDER_TRIP_AFTER calls with no answer', async () => {
    const hungOrders = await place(hungShop, 'hung', 40);
    await sleep(300);
    // The healthy provider's orders, one batch at a time, each timed from enqueue to processing.
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      const t0 = Date.now();
      const ids = await place(okShop, `ok-${round}`, 10);
      await expect
        .poll(
          async () =>
            (
              await sql<
                { n: number }[]
              >`select count(*)::int as n from orders where id in ${sql(ids)} and status = 'processing'`
            )[0]!.n,
          { timeout: 10_000, interval: 20 },
        )
        .toBe(10);
      const rows = await sql<{ ms: number }[]>`
        select (extract(epoch from a.created_at) * 1000 - ${t0})::float8 as ms
        from activity_log a where a.order_id in ${sql(ids)} and a.action = 'order.forwarded'`;
      times.push(...rows.map((r) => r.ms));
      await sleep(700);
    }

    // The hung provider tripped: flagged with the reason, and the orders not yet sent stay pending.
    await expect
      .poll(
        async () =>
          (
            await sql`select breaker_open_until is not null as open from api_providers where id = ${hungShop.providerId}`
          )[0]!.open,
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    await sleep(3_000); // let every call already in flight time out
    const [p] =
      await sql`select flag_reason, ambiguous_streak from api_providers where id = ${hungShop.providerId}`;
    const states = await sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from orders where id in ${sql(hungOrders)} group by status`;
    const by = Object.fromEntries(states.map((s) => [s.status, s.n]));
    const sent = hung.stats().adds.byTarget.reduce((n, e) => n + e.total, 0);
    const p99 = percentile(times, 99);
    console.log(
      'hung provider:',
      JSON.stringify({
        healthyP99Ms: Math.round(p99),
        healthyMaxMs: Math.round(Math.max(...times)),
        hungStates: by,
        hungSent: sent,
        flag: p!.flag_reason,
      }),
    );

    expect(times).toHaveLength(50);
    expect(p99).toBeLessThan(1_000);
    expect(p!.flag_reason).toMatch(/circuit open: \d+ calls in a row sent with no answer/);
    // Sent with no answer: in review with "sent, no answer", never re-sent; the rest never sent.
    expect(by.needs_review).toBe(sent);
    expect(sent).toBeLessThanOrEqual(5 + CONCURRENCY / 2);
    expect(by.pending).toBe(40 - sent);
    for (const e of hung.stats().adds.byTarget) expect(e.total, e.link).toBe(1);
    const [reason] =
      await sql`select last_error from orders where id in ${sql(hungOrders)} and status = 'needs_review' limit 1`;
    expect(reason!.last_error).toMatch(/^sent, no answer: timeout/);
    expect(await ledgerHolds(sql, userId)).toBe(true);
  });
});
