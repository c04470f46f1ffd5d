import { newId } from '@smm/domain';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refillStatusFor } from '../src/index.ts';
import { buildInstance, insertProvider, insertUser, placeOrder, refundsOf, testConfig } from './helpers.ts';

const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-refills');
const config = testConfig(t.url, redisUrl, prefix);

let now = Date.now();
const sandbox = await startSandbox({ clock: () => now, refillDurationMs: 60_000 });
sandbox.setOutcomes([{ match: { linkIncludes: 'drip-partial' }, status: 'Partial', remains: 333 }]);
const provider = await insertProvider(sql, config, sandbox);
await sql`update services set refill = true where id = ${provider.serviceId}`;
// A second provider, whose API breaks in the backoff test.
const flakySandbox = await startSandbox({ refillDurationMs: 60_000 });
const flaky = await insertProvider(sql, config, flakySandbox);
const service = buildInstance(config);
const userId = await insertUser(sql, '100');

beforeAll(() => service.start({ listen: false }));
afterAll(async () => {
  await service.close();
  await sandbox.close();
  await flakySandbox.close();
  await deletePrefix(redisUrl, prefix);
});

async function refillRow(id: string) {
  const [r] = await sql<{ status: string; providerStatus: string | null; lastError: string | null }[]>`
    select status, provider_status as "providerStatus", last_error as "lastError" from refills where id = ${id}`;
  return r!;
}

describe('sync-refills', () => {
  it('maps refill words: done, refused, still open', () => {
    expect(refillStatusFor('Completed')).toBe('completed');
    expect(refillStatusFor('rejected')).toBe('rejected');
    expect(refillStatusFor('Cancelled')).toBe('rejected');
    expect(refillStatusFor('In progress')).toBe('processing');
    expect(refillStatusFor('Pending')).toBe('processing');
  });

  it('polls refills at the provider until they finish; per-refill errors stay on the refill', async () => {
    const o = await placeOrder(sql, provider, userId, {
      link: 'https://ig.com/refill',
      quantity: 100,
      price: '0.1',
    });
    await sql`update orders set status = 'completed', provider_id = ${provider.providerId} where id = ${o.orderId}`;
    const asked = await provider.client.refill(o.providerOrderId);
    if (!asked.ok) throw new Error(asked.error);
    const [live, lost] = [newId('refill'), newId('refill')];
    await sql`insert into refills (id, order_id, user_id, status, provider_refill_id)
              values (${live}, ${o.orderId}, ${userId}, 'processing', ${asked.value}),
                     (${lost}, ${o.orderId}, ${userId}, 'processing', '999999')`;

    expect(await service.run.refills()).toMatchObject({ checked: 2, changed: 0 });
    expect(await refillRow(live)).toEqual({
      status: 'processing',
      providerStatus: 'Pending',
      lastError: null,
    });
    expect(await refillRow(lost)).toMatchObject({ status: 'processing', lastError: 'Refill not found' });

    now += 61_000;
    expect(await service.run.refills()).toMatchObject({ checked: 2, changed: 1 });
    expect(await refillRow(live)).toEqual({
      status: 'completed',
      providerStatus: 'Completed',
      lastError: null,
    });
    const acts =
      await sql`select action from activity_log where order_id = ${o.orderId} and action like 'refill.%'`;
    expect(acts).toEqual([{ action: 'refill.completed' }]);
    // Finished refills are not asked about again.
    expect(await service.run.refills()).toMatchObject({ checked: 1, changed: 0 });
  });
});

/** A refill the provider has (processing), on a completed order of `p`. */
async function refillAt(p: typeof provider, label: string): Promise<string> {
  const o = await placeOrder(sql, p, userId, {
    link: `https://ig.com/${label}`,
    quantity: 100,
    price: '0.1',
  });
  await sql`update orders set status = 'completed', provider_id = ${p.providerId} where id = ${o.orderId}`;
  const asked = await p.client.refill(o.providerOrderId);
  if (!asked.ok) throw new Error(asked.error);
  const id = newId('refill');
  await sql`insert into refills (id, order_id, user_id, status, provider_refill_id)
            values (${id}, ${o.orderId}, ${userId}, 'processing', ${asked.value})`;
  return id;
}

async function backoffOf(providerId: string) {
  const [p] = await sql<{ failures: number; backedOff: boolean }[]>`
    select sync_failures as failures, coalesce(sync_backoff_until > now(), false) as "backedOff"
    from api_providers where id = ${providerId}`;
  return p!;
}

describe('sync-refills and a provider-wide failure', () => {
  it('backs that provider off like a failed status batch, skips it meanwhile, and a success resets it', async () => {
    const good = await refillAt(provider, 'refill-healthy');
    const bad = await refillAt(flaky, 'refill-flaky');
    const refillStatusCalls = () => flakySandbox.stats().requests.byAction.refill_status ?? 0;
    // Cloudflare's challenge page instead of JSON, on every refill status call to the flaky provider.
    flakySandbox.setFaults({ match: { action: 'refill_status' }, effect: { type: 'html' } });

    const first = await service.run.refills();
    expect(first.errors.map((e) => e.refillId)).toContain(bad);
    expect(first.errors.map((e) => e.refillId)).not.toContain(good);
    expect(await backoffOf(flaky.providerId)).toEqual({ failures: 1, backedOff: true });
    expect(await backoffOf(provider.providerId)).toEqual({ failures: 0, backedOff: false });
    expect(refillStatusCalls()).toBe(1);
    // Its orders' status sweep skips it too: one backoff per provider.
    const placed = await placeOrder(sql, flaky, userId, {
      link: 'https://ig.com/flaky-order',
      quantity: 100,
      price: '0.1',
    });
    const sweep = await service.run.sweep({ force: true });
    expect(sweep.batchJobIds.some((id) => id.includes(flaky.providerId))).toBe(false);
    await sql`update orders set status = 'completed' where id = ${placed.orderId}`;

    // While backed off it is not asked at all; its refills wait, unchanged.
    const second = await service.run.refills();
    expect(refillStatusCalls()).toBe(1);
    expect(second.errors.map((e) => e.refillId)).not.toContain(bad);
    expect((await refillRow(bad)).status).toBe('processing');

    flakySandbox.clearFaults();
    await sql`update api_providers set sync_backoff_until = now() - interval '1 second' where id = ${flaky.providerId}`;
    await service.run.refills();
    expect(refillStatusCalls()).toBe(2);
    expect(await refillRow(bad)).toMatchObject({
      status: 'processing',
      providerStatus: 'Pending',
      lastError: null,
    });
    expect(await backoffOf(flaky.providerId)).toEqual({ failures: 0, backedOff: false });
  });
});

describe('drip-feed orders in status sync', () => {
  it('measure remains against quantity × runs, so a partial refunds the right share', async () => {
    // The provider holds 1,000 (500 per run × 2 runs) and ends Partial with 333 undelivered.
    const o = await placeOrder(sql, provider, userId, {
      link: 'https://ig.com/drip-partial',
      quantity: 1000,
      price: '1',
    });
    await sql`update orders set quantity = 500, runs = 2, "interval" = 10, provider_id = ${provider.providerId}
              where id = ${o.orderId}`;
    await service.run.batch({ providerId: provider.providerId, orderIds: [o.orderId] });
    expect((await refundsOf(sql, o.orderId)).map((r) => r.amount)).toEqual(['0.333000']);
  });
});
