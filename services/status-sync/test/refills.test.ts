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
const service = buildInstance(config);
const userId = await insertUser(sql, '100');

beforeAll(() => service.start({ listen: false }));
afterAll(async () => {
  await service.close();
  await sandbox.close();
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
