import { setTimeout as sleep } from 'node:timers/promises';
import { ledgerBalance } from '@smm/db';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardResult } from '../src/index.ts';
import { type Catalog, createOrders, insertCatalog, insertUser, orderRow, uniqueLink } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
let h: Harness;
let catalog: Catalog;
let userId: string;

beforeAll(async () => {
  h = await startHarness(sql, { settings: { providerTimeouts: { response: 1_000, request: 2_000 } } });
  catalog = await insertCatalog(sql, h.sandbox);
  userId = await insertUser(sql, '1000.000000');
});
afterAll(() => h?.close());

async function oneOrder(label: string, quantity = 100) {
  const [o] = await createOrders(sql, catalog, userId, [uniqueLink(label)], quantity);
  return o!;
}

async function activity(orderId: string) {
  return sql<{ action: string; message: string | null; providerResponse: unknown; atMs: number }[]>`
    select action, message, provider_response as "providerResponse",
           (extract(epoch from created_at) * 1000)::float8 as "atMs"
    from activity_log where order_id = ${orderId} order by created_at, id`;
}

describe('forward-order', () => {
  it('forwards a pending order: processing with the provider order id, an activity row with the reply', async () => {
    const o = await oneOrder('happy');
    const job = await h.forward(o.orderId);
    const result = (await job.waitUntilFinished(h.events, 10_000)) as ForwardResult;

    const row = await orderRow(sql, o.orderId);
    expect(row.status).toBe('processing');
    expect(row.providerOrderId).toMatch(/^\d+$/);
    expect(result).toEqual({ status: 'processing', providerOrderId: row.providerOrderId });
    expect(h.sandbox.order(Number(row.providerOrderId))).toMatchObject({ link: o.link, quantity: 100 });
    expect(h.sandbox.addCalls(o.link)).toEqual({ total: 1, accepted: 1 });

    const acts = await activity(o.orderId);
    const fwd = acts.find((a) => a.action === 'order.forwarded');
    expect(fwd?.providerResponse).toEqual({ order: Number(row.providerOrderId) });
    expect(JSON.stringify(acts)).not.toContain(h.sandbox.apiKey);
    const [next] =
      await sql`select next_status_check > now() as due_later from orders where id = ${o.orderId}`;
    expect(next?.due_later).toBe(true);
  });

  it('a second job for an order that is no longer pending ends without calling the provider', async () => {
    const o = await oneOrder('twice');
    await (await h.forward(o.orderId)).waitUntilFinished(h.events, 10_000);
    const first = await orderRow(sql, o.orderId);
    const again = await h.forward(o.orderId, { jobId: `again-${o.orderId}` });
    const result = (await again.waitUntilFinished(h.events, 10_000)) as ForwardResult;
    expect(result).toEqual({ status: 'processing', providerOrderId: first.providerOrderId });
    expect(h.sandbox.addCalls(o.link)).toEqual({ total: 1, accepted: 1 });
    expect((await orderRow(sql, o.orderId)).submitAttempts).toBe(1);
  });

  it('of several jobs racing for one order, exactly one sends it', async () => {
    const orders = await createOrders(sql, catalog, userId, [uniqueLink('race1'), uniqueLink('race2')]);
    const jobs = await Promise.all(
      orders.flatMap((o) =>
        [0, 1, 2, 3].map((i) => h.forward(o.orderId, { jobId: `race-${i}-${o.orderId}` })),
      ),
    );
    const results = (await Promise.all(
      jobs.map((j) => j.waitUntilFinished(h.events, 10_000)),
    )) as ForwardResult[];
    for (const o of orders) {
      expect(h.sandbox.addCalls(o.link)).toEqual({ total: 1, accepted: 1 });
      expect(await orderRow(sql, o.orderId)).toMatchObject({ status: 'processing', submitAttempts: 1 });
    }
    // The losers saw the order already submitting (winner mid-call) or processing; none sent it.
    expect(results.every((r) => r.status === 'processing' || r.status === 'submitting')).toBe(true);
    expect(new Set(results.flatMap((r) => (r.providerOrderId ? [r.providerOrderId] : []))).size).toBe(2);
  });

  it('retries while the provider refuses connections, then forwards once it is back', async () => {
    const o = await oneOrder('outage');
    await h.sandbox.outage(1_200);
    const job = await h.forward(o.orderId);
    const result = (await job.waitUntilFinished(h.events, 20_000)) as ForwardResult;

    expect(result.status).toBe('processing');
    const row = await orderRow(sql, o.orderId);
    expect(row.status).toBe('processing');
    // It really was refused at least once (each claim counts), and the provider saw exactly one add.
    expect(row.submitAttempts).toBeGreaterThan(1);
    expect(h.sandbox.addCalls(o.link)).toEqual({ total: 1, accepted: 1 });
    const acts = await activity(o.orderId);
    expect(acts.filter((a) => a.action === 'order.forward_retry').length).toBe(row.submitAttempts - 1);
  });

  it("honours the provider's Retry-After on a 429 before sending again", async () => {
    const o = await oneOrder('ratelimited');
    h.sandbox.addFaults({
      match: { action: 'add', linkIncludes: o.link },
      times: 1,
      effect: { type: 'rate-limit', retryAfterSec: 1 },
    });
    const job = await h.forward(o.orderId);
    const result = (await job.waitUntilFinished(h.events, 20_000)) as ForwardResult;
    expect(result.status).toBe('processing');
    // The 429 was not processed: two requests arrived, one order was created.
    expect(h.sandbox.addCalls(o.link)).toEqual({ total: 2, accepted: 1 });
    const acts = await activity(o.orderId);
    const retry = acts.find((a) => a.action === 'order.forward_retry')!;
    const done = acts.find((a) => a.action === 'order.forwarded')!;
    // The backoff alone (base 100 ms) would have retried well within a second.
    expect(done.atMs - retry.atMs).toBeGreaterThanOrEqual(950);
  });

  it('a timeout after the provider accepted the request → needs_review, never sent again', async () => {
    const o = await oneOrder('held');
    h.sandbox.addFaults({
      match: { action: 'add', linkIncludes: o.link },
      effect: { type: 'timeout-after-accept', holdMs: 5_000 },
    });
    const job = await h.forward(o.orderId);
    await expect(job.waitUntilFinished(h.events, 10_000)).rejects.toThrow(/^needs_review: /);

    const row = await orderRow(sql, o.orderId);
    expect(row.status).toBe('needs_review');
    expect(row.lastError).toMatch(/timeout/);
    expect(h.sandbox.addCalls(o.link)).toEqual({ total: 1, accepted: 1 });
    // Longer than several backoff rounds: nothing else goes out, the job failed for good.
    await sleep(1_500);
    expect(h.sandbox.addCalls(o.link)).toEqual({ total: 1, accepted: 1 });
    const state = await h.producer.queue('order-forward').getJobState(job.id!);
    expect(state).toBe('failed');
    expect((await h.producer.queue('order-forward').getJob(job.id!))?.attemptsMade).toBe(1);
    expect((await activity(o.orderId)).map((a) => a.action)).toContain('order.needs_review');
  });

  it('a hard rejection cancels the order and refunds it exactly once', async () => {
    const u = await insertUser(sql, '10.000000');
    // Our minimum (10) is below the provider's (50): the provider refuses the quantity.
    const [o] = await createOrders(sql, catalog, u, [uniqueLink('tiny')], 20);
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '9.500000', ledgerSum: '9.500000' });

    const job = await h.forward(o!.orderId);
    const result = (await job.waitUntilFinished(h.events, 10_000)) as ForwardResult;
    expect(result).toEqual({
      status: 'canceled',
      error: 'Quantity less than minimal 50',
      refunded: '0.500000',
    });
    expect((await orderRow(sql, o!.orderId)).status).toBe('canceled');
    const refunds =
      await sql`select amount::text from ledger where order_id = ${o!.orderId} and kind = 'refund'`;
    expect(refunds.map((r) => r.amount)).toEqual(['0.500000']);
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '10.000000', ledgerSum: '10.000000' });

    // A duplicate job changes nothing: no second refund, no second call.
    const again = await h.forward(o!.orderId, { jobId: `again-${o!.orderId}` });
    expect(await again.waitUntilFinished(h.events, 10_000)).toEqual({ status: 'canceled' });
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '10.000000', ledgerSum: '10.000000' });
    expect(h.sandbox.addCalls(o!.link).total).toBe(1);
  });

  it('a soft rejection flags the provider, waits, then forwards once the provider accepts (unflagged)', async () => {
    const o = await oneOrder('funds');
    h.sandbox.setBalance('0');
    const job = await h.forward(o.orderId);
    const result = (await job.waitUntilFinished(h.events, 10_000)) as ForwardResult;
    expect(result).toMatchObject({ status: 'pending', error: 'Not enough funds on balance' });
    expect(Date.parse(result.retryAt!)).toBeGreaterThan(Date.now() - 1_000);

    const [flagged] =
      await sql`select flagged_at, flag_reason from api_providers where id = ${catalog.providerId}`;
    expect(flagged?.flagged_at).not.toBeNull();
    expect(flagged?.flag_reason).toMatch(/Not enough funds/);
    expect((await orderRow(sql, o.orderId)).status).toBe('pending');

    h.sandbox.setBalance('1000000');
    await expect
      .poll(async () => (await orderRow(sql, o.orderId)).status, { timeout: 10_000 })
      .toBe('processing');
    const row = await orderRow(sql, o.orderId);
    expect(row.forwardRound).toBe(2);
    expect(h.sandbox.addCalls(o.link)).toEqual({ total: 2, accepted: 1 });
    const [after] =
      await sql`select flagged_at, flag_reason from api_providers where id = ${catalog.providerId}`;
    expect(after).toEqual({ flagged_at: null, flag_reason: null });
  });

  it('"Invalid API key" is soft: the order waits and the provider is flagged, never canceled', async () => {
    const other = await insertCatalog(sql, { apiUrl: h.sandbox.apiUrl, apiKey: 'wrong-key' });
    const [o] = await createOrders(sql, other, userId, [uniqueLink('badkey')]);
    const result = (await (await h.forward(o!.orderId)).waitUntilFinished(h.events, 10_000)) as ForwardResult;
    expect(result).toMatchObject({ status: 'pending', error: 'Invalid API key' });
    const [p] = await sql`select flag_reason from api_providers where id = ${other.providerId}`;
    expect(p?.flag_reason).toMatch(/Invalid API key/);
    expect((await orderRow(sql, o!.orderId)).status).toBe('pending');
    // Stop the delayed retry from running on after the test.
    await sql`update orders set status = 'canceled' where id = ${o!.orderId}`;
  });

  it('manual-mode orders are forwarded only when the job names a provider (admin forward)', async () => {
    const manual = await insertCatalog(sql, h.sandbox, { mode: 'manual' });
    const [o] = await createOrders(sql, manual, userId, [uniqueLink('manual')]);
    const plain = await h.forward(o!.orderId);
    expect(await plain.waitUntilFinished(h.events, 10_000)).toEqual({
      status: 'pending',
      error: 'manual-mode service: waits for an admin to forward it',
    });
    expect(h.sandbox.addCalls(o!.link).total).toBe(0);

    const admin = await h.forward(o!.orderId, {
      providerId: manual.providerId,
      jobId: `admin-${o!.orderId}`,
    });
    const result = (await admin.waitUntilFinished(h.events, 10_000)) as ForwardResult;
    expect(result.status).toBe('processing');
    expect(h.sandbox.addCalls(o!.link)).toEqual({ total: 1, accepted: 1 });
  });

  it('an inactive provider is not called: the order waits and the provider is flagged', async () => {
    const idle = await insertCatalog(sql, h.sandbox);
    await sql`update api_providers set status = 'inactive' where id = ${idle.providerId}`;
    const [o] = await createOrders(sql, idle, userId, [uniqueLink('inactive')]);
    const result = (await (await h.forward(o!.orderId)).waitUntilFinished(h.events, 10_000)) as ForwardResult;
    expect(result).toMatchObject({ status: 'pending', error: 'the provider is inactive' });
    expect(h.sandbox.addCalls(o!.link).total).toBe(0);
    const row = await orderRow(sql, o!.orderId);
    expect(row).toMatchObject({ status: 'pending', submitAttempts: 0, forwardRound: 2 });
    await sql`update orders set status = 'canceled' where id = ${o!.orderId}`;
  });

  it('exposes its counters as Prometheus metrics', async () => {
    const text = await h.forwarder.metrics.registry.metrics();
    expect(text).toMatch(/forwarder_jobs_total\{outcome="forwarded"\} [1-9]/);
    expect(text).toMatch(
      new RegExp(
        `provider_calls_total\\{provider="${catalog.providerId}",action="add",outcome="ok"\\} [1-9]`,
      ),
    );
    expect(text).toContain('provider_call_duration_seconds_bucket');
    expect(text).toContain('forwarder_jobs_in_flight 0');
  });
});
