import type { RunningSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInstance, chargeOrder, insertProvider, insertUser, testConfig } from './helpers.ts';

/**
 * The job schedulers live only in Redis. If Redis loses them (flushed, restarted empty), nothing
 * sweeps or repairs any more — so readiness says so, and the keeper puts them back.
 */
const t = await useTestDatabase();
const redisUrl = testRedisUrl();
const prefix = testPrefix('keeper');
// A long timer: here readiness is what notices; the timer and reconnects are the fault suite's part.
const config = testConfig(t.url, redisUrl, prefix, { SCHEDULER_CHECK_MS: '600000' });
const service = buildInstance(config, { schedulers: true });
await service.start({ listen: false });
afterAll(async () => {
  await service.close();
  await deletePrefix(redisUrl, prefix);
});

const ready = () => service.app.inject({ method: 'GET', url: '/readyz' });
const metric = async (name: string) => {
  const text = await service.metrics.registry.metrics();
  return text
    .split('\n')
    .filter((l) => l.startsWith(name))
    .map((l) => Number(l.split(' ').at(-1)))
    .reduce((a, b) => a + b, 0);
};

describe('job schedulers that heal', () => {
  it('readyz answers 503 while a scheduler is missing, then the keeper re-creates it', async () => {
    expect((await ready()).statusCode).toBe(200);
    await service.queue().removeJobScheduler('status-sweep');
    await service.queue().removeJobScheduler('repair-stuck');

    const res = await ready();
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toBe('job schedulers missing: status-sweep, repair-stuck');
    await expect.poll(async () => (await ready()).statusCode, { timeout: 5_000 }).toBe(200);
    expect((await service.queue().getJobSchedulers(0, -1)).map((s) => s.key).sort()).toEqual([
      'idempotency-purge',
      'refill-sync',
      'repair-stuck',
      'status-sweep',
    ]);
    expect(await metric('status_sync_scheduler_repairs_total')).toBe(2);
    expect(await metric('status_sync_schedulers_missing')).toBe(0);
  });

  it('after Redis lost everything, the sweep claims it held are given back at once', async () => {
    const provider = await insertProvider(t.sql, config, {
      apiUrl: 'https://p.example/api/v2',
      apiKey: 'k-1',
    } as RunningSandbox);
    const userId = await insertUser(t.sql, '100.000000');
    const orderId = await chargeOrder(t.sql, provider, userId, {
      link: 'https://ig.example/claimed',
      quantity: 1000,
      price: '1.000000',
    });
    // Claimed by a sweep whose batch job was lost with Redis: it would wait out the whole lease.
    await t.sql`update orders set status = 'processing', provider_order_id = '5151', provider_id = ${provider.providerId},
                                  sync_claimed_until = now() + interval '10 minutes',
                                  -- not due again soon: the sweep the healed scheduler starts leaves it alone
                                  next_status_check = now() + interval '1 hour' where id = ${orderId}`;
    for (const id of ['status-sweep', 'repair-stuck', 'refill-sync', 'idempotency-purge']) {
      await service.queue().removeJobScheduler(id);
    }
    expect((await service.healSchedulers()).sort()).toEqual([
      'idempotency-purge',
      'refill-sync',
      'repair-stuck',
      'status-sweep',
    ]);
    const [row] = await t.sql`select sync_claimed_until from orders where id = ${orderId}`;
    expect(row!.sync_claimed_until).toBeNull();
    expect(await metric('status_sync_repairs_total{action="sync_claims_released"}')).toBe(1);
  });
});

describe('idempotency key retention', () => {
  it('purges keys older than IDEMPOTENCY_RETENTION_MS and keeps the younger ones', async () => {
    // The test above healed the schedulers, and the purge scheduler's first run starts at once: stop it
    // and let any run in flight finish, so the direct run below is the only purge that sees these rows.
    const queue = service.queue();
    await queue.removeJobScheduler('idempotency-purge');
    for (let i = 0; i < 100; i++) {
      const c = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
      if (Object.values(c).every((n) => n === 0)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const userId = await insertUser(t.sql, '1.000000');
    await t.sql`insert into idempotency_keys (user_id, key, request_hash, created_at) values
      (${userId}, 'old-1', 'h', now() - interval '8 days'),
      (${userId}, 'old-2', 'h', now() - interval '30 days'),
      (${userId}, 'young', 'h', now() - interval '6 days')`;
    expect(await service.run.purgeIdempotency()).toEqual({ deleted: 2 });
    const keys = await t.sql`select key from idempotency_keys where user_id = ${userId}`;
    expect(keys.map((k) => k.key)).toEqual(['young']);
  });
});
