import { ledgerBalance } from '@smm/db';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCannedServer } from '../../../libs/provider-client/test/canned-server.ts';
import { type Catalog, createOrders, insertCatalog, insertUser, orderRow, uniqueLink } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

/**
 * Refusal texts that contain the words of order faults ("service", "max", "does not exist") but do not
 * blame the order: never canceled, never refunded. And the order's target, which is the order's fault.
 * (Found by a hostile review; each text is one a provider can send.)
 */
const t = await useTestDatabase();
const { sql } = t;
let h: Harness;
let canned: Awaited<ReturnType<typeof startCannedServer>>;
let catalog: Catalog;
let userId: string;
beforeAll(async () => {
  // Long waits: the first answer is what these tests look at, not the retries.
  h = await startHarness(sql, { settings: { softRejectDelayMs: 60_000, backoffBaseMs: 60_000 } });
  canned = await startCannedServer();
  catalog = await insertCatalog(sql, { apiUrl: canned.url, apiKey: 'k-123' });
  userId = await insertUser(sql, '1000.000000');
});
afterAll(async () => {
  await h?.close();
  await canned?.close();
});

async function refusedWith(text: string) {
  const [o] = await createOrders(sql, catalog, userId, [uniqueLink('refusal')]);
  canned.reply({ status: 200, body: JSON.stringify({ error: text }) });
  await (await h.forward(o!.orderId)).waitUntilFinished(h.events, 10_000).catch(() => {});
  const row = await orderRow(sql, o!.orderId);
  const [refunds] = await sql<{ n: number }[]>`
    select count(*)::int as n from ledger where order_id = ${o!.orderId} and kind = 'refund'`;
  return { status: row.status, refunds: refunds!.n };
}

describe('refusals that do not blame the order', () => {
  for (const [text, status] of [
    ['User does not exist', 'pending'],
    ['Your account does not exist', 'pending'],
    ['Reseller API service is disabled for your account', 'pending'],
    ['Minimum deposit required to use the API', 'pending'],
    ['Only POST requests are allowed', 'pending'],
    ['Invalid API URL', 'pending'],
    ['Max requests per minute exceeded', 'pending'],
    ['Provider service is down', 'pending'],
    // A crash dressed as a refusal: the provider may have created the order before it failed.
    ['Maximum execution time of 30 seconds exceeded', 'needs_review'],
  ] as const) {
    it(`"${text}" → ${status}, nothing refunded`, async () => {
      expect(await refusedWith(text)).toEqual({ status, refunds: 0 });
    });
  }
});

describe("refusals about the order's target", () => {
  for (const text of ['The Instagram account in your link is suspended', 'User @target_profile is banned']) {
    it(`"${text}" → canceled and refunded in full, once`, async () => {
      expect(await refusedWith(text)).toEqual({ status: 'canceled', refunds: 1 });
    });
  }

  it('keeps Σ ledger = balance', async () => {
    const lb = await ledgerBalance(sql, userId);
    expect(lb.balance).toBe(lb.ledgerSum);
  });
});
