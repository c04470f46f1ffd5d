import { setTimeout as sleep } from 'node:timers/promises';
import type { DbClient } from '@smm/db';
import { newId } from '@smm/domain';
import { enqueue, forwardCancelJobId, forwardRefillJobId } from '@smm/queue';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, createOrders, insertCatalog, insertUser, orderRow, uniqueLink } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
let h: Harness;
let catalog: Catalog;
let userId: string;

beforeAll(async () => {
  h = await startHarness(sql, {
    sandbox: { outcomes: [{ match: { linkIncludes: 'hold' }, status: 'Pending' }] },
    settings: { providerTimeouts: { response: 1_000, request: 2_000 } },
  });
  catalog = await insertCatalog(sql, h.sandbox);
  userId = await insertUser(sql, '1000.000000');
});
afterAll(() => h?.close());

/** An order at the sandbox (forwarded by the real forward-order job), in `status` on our side. */
async function atProvider(label: string, status: 'processing' | 'completed', at = catalog): Promise<string> {
  const [o] = await createOrders(sql, at, userId, [uniqueLink(label)]);
  await (await h.forward(o!.orderId)).waitUntilFinished(h.events, 10_000);
  await sql`update orders set status = ${status} where id = ${o!.orderId}`;
  return o!.orderId;
}

async function newRefill(orderId: string): Promise<string> {
  const id = newId('refill');
  await sql`insert into refills (id, order_id, user_id) values (${id}, ${orderId}, ${userId})`;
  return id;
}

const refillRun = (refillId: string, jobId = forwardRefillJobId(refillId)) =>
  enqueue(h.producer, 'forward-refill', { refillId }, { jobId, backoff: { type: 'fixed', delay: 50 } });
const cancelRun = (orderId: string, jobId = forwardCancelJobId(orderId)) =>
  enqueue(h.producer, 'forward-cancel', { orderId }, { jobId, backoff: { type: 'fixed', delay: 50 } });

async function refillRow(sql: DbClient['sql'], id: string) {
  const [r] = await sql<{ status: string; providerRefillId: string | null; lastError: string | null }[]>`
    select status, provider_refill_id as "providerRefillId", last_error as "lastError" from refills where id = ${id}`;
  return r!;
}

const calls = (action: string) => h.sandbox.stats().requests.byAction[action] ?? 0;

describe('forward-refill', () => {
  it('sends a pending refill once: processing with the provider refill id; a second job calls nobody', async () => {
    const refillId = await newRefill(await atProvider('refill-ok', 'completed'));
    const before = calls('refill');
    const result = await (await refillRun(refillId)).waitUntilFinished(h.events, 10_000);
    const row = await refillRow(sql, refillId);
    expect(row).toMatchObject({ status: 'processing', lastError: null });
    expect(row.providerRefillId).toMatch(/^\d+$/);
    expect(result).toEqual({ status: 'processing', providerRefillId: row.providerRefillId });
    const again = await (await refillRun(refillId, `again-${refillId}`)).waitUntilFinished(h.events, 10_000);
    expect(again).toEqual({ status: 'processing' });
    expect(calls('refill') - before).toBe(1);
  });

  it('the provider refusing this refill → rejected with its words', async () => {
    const refillId = await newRefill(await atProvider('hold-refill', 'completed'));
    await (await refillRun(refillId)).waitUntilFinished(h.events, 10_000);
    expect(await refillRow(sql, refillId)).toMatchObject({
      status: 'rejected',
      lastError: 'Order is not completed yet',
    });
  });

  it('rate limited → back to pending and retried by BullMQ, then sent', async () => {
    const refillId = await newRefill(await atProvider('refill-429', 'completed'));
    h.sandbox.setFaults({
      match: { action: 'refill' },
      times: 1,
      effect: { type: 'rate-limit', retryAfterSec: 0 },
    });
    const result = await (await refillRun(refillId)).waitUntilFinished(h.events, 10_000);
    h.sandbox.clearFaults();
    expect(result).toMatchObject({ status: 'processing' });
    const acts = await sql<{ action: string }[]>`
      select action from activity_log where message like ${`refill ${refillId}%`} order by created_at, id`;
    expect(acts.map((a) => a.action)).toEqual(['refill.pending', 'refill.processing']);
  });

  it('a timeout after the provider took the request → needs_review, never re-sent', async () => {
    const refillId = await newRefill(await atProvider('refill-timeout', 'completed'));
    h.sandbox.setFaults({
      match: { action: 'refill' },
      effect: { type: 'timeout-after-accept', holdMs: 3_000 },
    });
    const job = await refillRun(refillId);
    await expect(job.waitUntilFinished(h.events, 10_000)).rejects.toThrow(/needs_review/);
    h.sandbox.clearFaults();
    expect((await refillRow(sql, refillId)).status).toBe('needs_review');
  });
});

describe('forward-cancel', () => {
  it('sends the cancel request once: sent, and the provider stops the order', async () => {
    const orderId = await atProvider('hold-cancel', 'processing');
    await sql`update orders set cancel_status = 'pending' where id = ${orderId}`;
    const result = await (await cancelRun(orderId)).waitUntilFinished(h.events, 10_000);
    expect(result).toEqual({ cancelStatus: 'sent' });
    const { providerOrderId, status } = await orderRow(sql, orderId);
    // Our status waits for status sync; the provider has canceled it.
    expect(status).toBe('processing');
    expect(h.sandbox.order(Number(providerOrderId))).toMatchObject({ status: 'Canceled' });
    const again = await (await cancelRun(orderId, `again-${orderId}`)).waitUntilFinished(h.events, 10_000);
    expect(again).toEqual({ cancelStatus: 'sent' });
  });

  it('the provider refusing (order already finished there) → rejected with its words', async () => {
    const orderId = await atProvider('cancel-late', 'processing');
    await sql`update orders set cancel_status = 'pending' where id = ${orderId}`;
    const result = await (await cancelRun(orderId)).waitUntilFinished(h.events, 10_000);
    expect(result).toEqual({ cancelStatus: 'rejected', error: 'Order is already finished' });
    const [o] =
      await sql`select cancel_status as "cancelStatus", cancel_error as "cancelError" from orders where id = ${orderId}`;
    expect(o).toEqual({ cancelStatus: 'rejected', cancelError: 'Order is already finished' });
  });

  it('an order that finished here before the job ran → rejected without calling the provider', async () => {
    const orderId = await atProvider('cancel-done', 'completed');
    await sql`update orders set cancel_status = 'pending' where id = ${orderId}`;
    const before = calls('cancel');
    const result = await (await cancelRun(orderId)).waitUntilFinished(h.events, 10_000);
    expect(result).toMatchObject({ cancelStatus: 'rejected' });
    expect(calls('cancel')).toBe(before);
  });
});

describe("the provider's max concurrency", () => {
  it('holds for refill and cancel calls too: over the limit they wait (delayed, no attempt used), then go', async () => {
    const one = await insertCatalog(sql, h.sandbox, { maxConcurrency: 1 });
    const refillId = await newRefill(await atProvider('limit-refill', 'completed', one));
    const cancelOrder = await atProvider('hold-limit-cancel', 'processing', one);
    await sql`update orders set cancel_status = 'pending' where id = ${cancelOrder}`;
    // Another call (another replica's add, say) holds the provider's only slot.
    const busy = await h.forwarder.limiter.acquire(one.providerId, 1);
    expect(busy).not.toBeNull();
    const [refills, cancels] = [calls('refill'), calls('cancel')];

    const refillJob = await refillRun(refillId);
    const cancelJob = await cancelRun(cancelOrder);
    await expect.poll(() => refillJob.getState(), { timeout: 5_000, interval: 20 }).toBe('delayed');
    await expect.poll(() => cancelJob.getState(), { timeout: 5_000, interval: 20 }).toBe('delayed');
    await sleep(300); // several limit retries (50 ms) go by
    expect(await refillRow(sql, refillId)).toMatchObject({ status: 'pending', providerRefillId: null });
    const [waiting] = await sql`select cancel_status as "cancelStatus" from orders where id = ${cancelOrder}`;
    expect(waiting).toEqual({ cancelStatus: 'pending' });
    expect([calls('refill') - refills, calls('cancel') - cancels]).toEqual([0, 0]);

    await busy!.release();
    expect(await refillJob.waitUntilFinished(h.events, 10_000)).toMatchObject({ status: 'processing' });
    expect(await cancelJob.waitUntilFinished(h.events, 10_000)).toEqual({ cancelStatus: 'sent' });
    expect([calls('refill') - refills, calls('cancel') - cancels]).toEqual([1, 1]);
    // The jobs ran several times while they waited, but only the run that sent counts as an attempt
    // (they have 6 for a provider that keeps failing).
    for (const job of [refillJob, cancelJob]) {
      const done = await h.producer.queue('order-forward').getJob(job.id!);
      expect(done?.attemptsStarted).toBeGreaterThan(1);
      expect(done?.attemptsMade).toBe(1);
    }
    expect(await h.forwarder.limiter.held(one.providerId)).toBe(0);
  });
});
