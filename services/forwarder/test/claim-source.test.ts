import { ledgerBalance, markForwardedMany } from '@smm/db';
import { newId } from '@smm/domain';
import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardResult } from '../src/index.ts';
import { createOrders, insertCatalog, insertUser, orderRow, secretBox, uniqueLink } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

/**
 * What is sent comes from one source at one moment: the order's own snapshot, plus the provider and
 * its service number read together from the service row when the order is claimed.
 */
const t = await useTestDatabase();
const { sql } = t;
let h: Harness;
let userId: string;
const other = await startSandbox({ balance: '1000000' });
afterAll(() => other.close());

beforeAll(async () => {
  h = await startHarness(sql);
  userId = await insertUser(sql, '10000.000000');
});
afterAll(() => h?.close());

const run = async (job: Promise<import('@smm/queue').Job>) =>
  (await (await job).waitUntilFinished(h.events, 10_000)) as ForwardResult;

describe('the claim reads provider and service number from the service, at claim time', () => {
  it('a service moved to another provider after the order was placed: sent there, with its number there', async () => {
    const c = await insertCatalog(sql, h.sandbox);
    const [o] = await createOrders(sql, c, userId, [uniqueLink('moved')]);
    // The admin moves the service to another provider (its number there: 2) before the job runs.
    const otherId = newId('provider');
    await sql`insert into api_providers (id, name, api_url, api_key_enc)
              values (${otherId}, 'Other', ${other.apiUrl}, ${secretBox.encrypt(other.apiKey)})`;
    await sql`update services set provider_id = ${otherId}, provider_service_id = '2' where id = ${c.serviceId}`;

    const result = await run(h.forward(o!.orderId));
    expect(result.status).toBe('processing');
    expect(h.sandbox.addCalls(o!.link).total).toBe(0);
    expect(other.addCalls(o!.link, 2)).toEqual({ total: 1, accepted: 1 });
    const [row] = await sql`select provider_id, sent_service_id from orders where id = ${o!.orderId}`;
    expect(row).toEqual({ provider_id: otherId, sent_service_id: '2' });
  });

  it('a job queued before the service went manual never sends the order', async () => {
    const c = await insertCatalog(sql, h.sandbox);
    const [o] = await createOrders(sql, c, userId, [uniqueLink('went-manual')]);
    await sql`update services set mode = 'manual' where id = ${c.serviceId}`;
    expect(await run(h.forward(o!.orderId))).toEqual({
      status: 'pending',
      error: 'manual-mode service: waits for an admin to forward it',
    });
    expect(h.sandbox.addCalls(o!.link).total).toBe(0);
    // The admin's forward (the payload the admin route sends) does send it.
    const admin = await run(
      h.forward(o!.orderId, { providerId: c.providerId, jobId: `admin-${o!.orderId}` }),
    );
    expect(admin.status).toBe('processing');
    expect(h.sandbox.addCalls(o!.link)).toEqual({ total: 1, accepted: 1 });
  });

  it('an admin forward to a provider where the service has no number is refused without a call', async () => {
    const c = await insertCatalog(sql, h.sandbox);
    const elsewhere = await insertCatalog(sql, h.sandbox);
    const [o] = await createOrders(sql, c, userId, [uniqueLink('elsewhere')]);
    const result = await run(h.forward(o!.orderId, { providerId: elsewhere.providerId }));
    expect(result).toEqual({
      status: 'pending',
      error: 'the service has no provider service number at that provider',
    });
    expect(h.sandbox.addCalls(o!.link).total).toBe(0);
  });

  it('the order is sent as the type it was sold as, and an unsupported type never as Default', async () => {
    const c = await insertCatalog(sql, h.sandbox);
    const [o] = await createOrders(sql, c, userId, [uniqueLink('poll')]);
    // Sold as a type the panel cannot send (a legacy row): it waits for an admin, nothing is sent.
    await sql`update orders set service_type = 'Poll' where id = ${o!.orderId}`;
    const result = await run(h.forward(o!.orderId));
    expect(result.status).toBe('pending');
    expect(result.error).toMatch(/"Poll" cannot be sent/);
    expect(h.sandbox.addCalls(o!.link).total).toBe(0);
  });
});

describe('a claim guards its own write', () => {
  it('a reply to an attempt an admin has since replaced never takes the order; its id is kept for the admin', async () => {
    const c = await insertCatalog(sql, h.sandbox);
    const [o] = await createOrders(sql, c, userId, [uniqueLink('slow')]);
    h.sandbox.setFaults({ match: { linkIncludes: 'slow' }, latencyMs: 1_500 });
    const job = h.forward(o!.orderId);
    await expect
      .poll(async () => (await orderRow(sql, o!.orderId)).status, { timeout: 5_000 })
      .toBe('submitting');
    // Meanwhile repair gave up on the call and an admin re-sent the order: a second claim, attempt 2.
    await sql`update orders set status = 'submitting', submit_attempts = submit_attempts + 1 where id = ${o!.orderId}`;
    const result = await run(job);
    h.sandbox.clearFaults();
    expect(result.error).toMatch(/created, but the order was already submitting/);
    const row = await orderRow(sql, o!.orderId);
    expect(row).toMatchObject({ status: 'submitting', providerOrderId: null, submitAttempts: 2 });
    const [stale] = await sql`select provider_order_id, message from activity_log
                              where order_id = ${o!.orderId} and action = 'order.forward_stale_reply'`;
    expect(stale!.provider_order_id).toBe(result.providerOrderId);
    expect(stale!.message).toMatch(/check the provider for a second order/);
  });

  it('two orders answered with one id in one batch: the first keeps it, the second goes to review', async () => {
    const c = await insertCatalog(sql, h.sandbox);
    const orders = await createOrders(sql, c, userId, [uniqueLink('b1'), uniqueLink('b2')]);
    await sql`update orders set status = 'submitting', submit_attempts = 1, provider_id = ${c.providerId}
              where id in ${sql(orders.map((x) => x.orderId))}`;
    const [a, b] = [...orders].sort((x, y) => x.orderId.localeCompare(y.orderId));
    const out = await markForwardedMany(
      sql,
      [a!, b!].map((x) => ({
        orderId: x.orderId,
        providerId: c.providerId,
        providerOrderId: '777001',
        attempt: 1,
        reply: { order: 777001 },
        anomaly: null,
        firstStatusCheckMs: 1_000,
      })),
    );
    expect(out).toEqual(['processing', 'duplicate']);
    expect(await orderRow(sql, b!.orderId)).toMatchObject({ status: 'needs_review', providerOrderId: null });
    expect((await ledgerBalance(sql, userId)).balance).toBe((await ledgerBalance(sql, userId)).ledgerSum);
  });
});
