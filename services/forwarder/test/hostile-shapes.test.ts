import { setTimeout as sleep } from 'node:timers/promises';
import { ledgerBalance } from '@smm/db';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCannedServer } from '../../../libs/provider-client/test/canned-server.ts';
import { type Catalog, createOrders, insertCatalog, insertUser, orderRow, uniqueLink } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

/**
 * Hostile add replies (from a hostile review): whatever a provider answers, an order is sent at most
 * once, and whatever cannot be read as an order id or a refusal goes to review.
 */
const t = await useTestDatabase();
const { sql } = t;
let h: Harness;
let canned: Awaited<ReturnType<typeof startCannedServer>>;
let catalog: Catalog;
let userId: string;

beforeAll(async () => {
  // Every reply here is a no-answer for the breaker: trip it never, so each shape reaches the provider.
  h = await startHarness(sql, { settings: { softRejectDelayMs: 200, backoffBaseMs: 50, tripAfter: 1_000 } });
  canned = await startCannedServer();
  catalog = await insertCatalog(sql, { apiUrl: canned.url, apiKey: 'k-123' });
  userId = await insertUser(sql, '1000.000000');
});
afterAll(async () => {
  await h?.close();
  await canned?.close();
});

const addsFor = (link: string) =>
  canned.seen.filter((s) => s.form.get('action') === 'add' && s.form.get('link') === link).length;

async function settle(orderId: string) {
  const job = await h.forward(orderId);
  await job.waitUntilFinished(h.events, 10_000).catch(() => {});
  await sleep(1_000); // longer than several soft/backoff rounds
  return orderRow(sql, orderId);
}

describe('ambiguous add replies never re-send and never cancel', () => {
  const shapes: Array<[number, string, string]> = [
    [200, 'application/json', '{"order":"abc def"}'],
    [200, 'application/json', '{"order":null,"error":null}'],
    [200, 'application/json', '[{"order":1}]'],
    [200, 'application/json', '{"error":{"message":"Incorrect service ID"}}'],
    [200, 'text/html', '<html><body>Order placed</body></html>'],
    [200, 'application/json', '{"order":9007199254740993}'],
    [200, 'application/json', '{"order":-5}'],
    [200, 'application/json', '{"order":1.5}'],
    [200, 'application/json', '{"order":true}'],
    [200, 'application/json', ''],
    [200, 'application/json', '{"data":{"order":77}}'],
    [400, 'application/json', '{"status":"fail"}'],
    [500, 'application/json', '{"error":"Incorrect service ID"}'],
    [502, 'text/html', '<html>Bad gateway</html>'],
  ];
  for (const [status, contentType, body] of shapes) {
    it(`HTTP ${status} ${contentType} ${JSON.stringify(body)} → needs_review, one add`, async () => {
      const [o] = await createOrders(sql, catalog, userId, [uniqueLink('shape')]);
      canned.reply({ status, contentType, body });
      const row = await settle(o!.orderId);
      expect({ status: row.status, adds: addsFor(o!.link) }).toEqual({ status: 'needs_review', adds: 1 });
    });
  }
});

describe('4xx replies whose body is not JSON', () => {
  let n = 910_000;
  for (const [status, body] of [
    [400, 'Bad Request'],
    [422, 'Order accepted, id 4711'],
    [409, ''],
  ] as const) {
    it(`HTTP ${status} text/plain ${JSON.stringify(body)}: unreadable body → needs_review, never re-sent`, async () => {
      const [o] = await createOrders(sql, catalog, userId, [uniqueLink('4xx-text')]);
      canned.reply({ status, contentType: 'text/plain', body });
      await (await h.forward(o!.orderId)).waitUntilFinished(h.events, 10_000).catch(() => {});
      // The provider now accepts: any automatic re-send shows up as a second add.
      canned.reply({ status: 200, body: JSON.stringify({ order: n++ }) });
      await sleep(1_500);
      expect({ status: (await orderRow(sql, o!.orderId)).status, adds: addsFor(o!.link) }).toEqual({
        status: 'needs_review',
        adds: 1,
      });
    });
  }
});

describe('provider order ids', () => {
  it('an id reused later for another order → the second goes to review, the first keeps it', async () => {
    const [a, b] = await createOrders(sql, catalog, userId, [uniqueLink('dup-a'), uniqueLink('dup-b')]);
    canned.reply({ status: 200, body: '{"order":" 5501 "}' });
    await (await h.forward(a!.orderId)).waitUntilFinished(h.events, 10_000);
    await sql`update orders set status = 'completed' where id = ${a!.orderId}`;
    canned.reply({ status: 200, body: '{"order":5501}' });
    await (await h.forward(b!.orderId)).waitUntilFinished(h.events, 10_000);
    expect((await orderRow(sql, a!.orderId)).providerOrderId).toBe('5501');
    expect(await orderRow(sql, b!.orderId)).toMatchObject({ status: 'needs_review', providerOrderId: null });
  });

  it('two jobs getting the same id at the same moment: exactly one processing', async () => {
    const os = await createOrders(
      sql,
      catalog,
      userId,
      [1, 2, 3, 4].map((i) => uniqueLink(`same-${i}`)),
    );
    canned.reply({ status: 200, body: '{"order":"8800"}' });
    await Promise.all(os.map(async (o) => (await h.forward(o.orderId)).waitUntilFinished(h.events, 10_000)));
    const rows = await Promise.all(os.map((o) => orderRow(sql, o.orderId)));
    expect(rows.filter((r) => r.status === 'processing').length).toBe(1);
    expect(rows.filter((r) => r.status === 'needs_review').length).toBe(3);
    const lb = await ledgerBalance(sql, userId);
    expect(lb.balance).toBe(lb.ledgerSum);
  });
});

describe('unknown refusals', () => {
  it('after FORWARD_MAX_SOFT_ROUNDS unknown refusals the order is in review and nothing more is sent', async () => {
    const [o] = await createOrders(sql, catalog, userId, [uniqueLink('unknown')]);
    canned.reply({ status: 200, body: '{"error":"Kaboom 42"}' });
    await (await h.forward(o!.orderId)).waitUntilFinished(h.events, 10_000);
    await expect
      .poll(async () => (await orderRow(sql, o!.orderId)).status, { timeout: 15_000 })
      .toBe('needs_review');
    await sleep(1_000);
    expect(addsFor(o!.link)).toBe(5);
  });
});
