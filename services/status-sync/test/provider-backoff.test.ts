import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { Job, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncBatchResult } from '../src/index.ts';
import { buildInstance, insertProvider, insertUser, orderRow, placeOrder, testConfig } from './helpers.ts';

const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-backoff');
const config = testConfig(t.url, redisUrl, prefix, { PROVIDER_BACKOFF_BASE_MS: '60000' });

const sandboxA = await startSandbox({ durationMs: 0, seed: 11 });
const sandboxB = await startSandbox({ durationMs: 0, seed: 12 });
const a = await insertProvider(sql, config, sandboxA);
const b = await insertProvider(sql, config, sandboxB);
const service = buildInstance(config);
const events = new QueueEvents('status-sync', { connection: { url: redisUrl }, prefix });

beforeAll(async () => {
  await service.start({ listen: false });
  await events.waitUntilReady();
});
afterAll(async () => {
  await events.close();
  await service.close();
  await Promise.all([sandboxA.close(), sandboxB.close()]);
  await deletePrefix(redisUrl, prefix);
});

async function sweepAndWait(): Promise<SyncBatchResult[]> {
  const sweep = await service.run.sweep({ force: true });
  return Promise.all(
    sweep.batchJobIds.map(async (id) => {
      const job = await Job.fromId(service.queue(), id);
      return (await job!.waitUntilFinished(events, 15_000)) as SyncBatchResult;
    }),
  );
}

const statusCalls = (s: typeof sandboxA) => s.stats().requests.byAction.status ?? 0;

describe('a provider-wide failure', () => {
  it('backs off only that provider; the other provider in the same sweep still syncs', async () => {
    const userId = await insertUser(sql, '1000.000000');
    const ordersA = [];
    for (let i = 0; i < 150; i++) {
      ordersA.push(
        await placeOrder(sql, a, userId, {
          link: `https://ig.example/a${i}`,
          quantity: 100,
          price: '0.100000',
        }),
      );
    }
    const ordersB = [];
    for (let i = 0; i < 30; i++) {
      ordersB.push(
        await placeOrder(sql, b, userId, {
          link: `https://ig.example/b${i}`,
          quantity: 100,
          price: '0.100000',
        }),
      );
    }
    // Cloudflare's challenge page instead of JSON, on every status call to A.
    sandboxA.setFaults({ match: { action: 'status' }, effect: { type: 'html' } });

    const results = await sweepAndWait();
    expect(results).toHaveLength(3);
    const failedA = results.filter((r) => r.providerError);
    expect(failedA).toHaveLength(2);
    for (const r of failedA) expect(r.errors).toHaveLength(r === failedA[0] ? 100 : 50);
    expect(results.find((r) => !r.providerError)).toEqual({ synced: 30, changed: 30, errors: [] });

    for (const o of ordersB) expect((await orderRow(sql, o.orderId)).status).toBe('completed');
    const [pa] = await sql<{ failures: number; backoffS: number }[]>`
      select sync_failures as failures, extract(epoch from sync_backoff_until - now())::float8 as "backoffS"
      from api_providers where id = ${a.providerId}`;
    // The second batch either failed too or found the provider already backed off: never more than two calls.
    expect(pa!.failures).toBeGreaterThanOrEqual(1);
    expect(statusCalls(sandboxA)).toBe(pa!.failures);
    expect(pa!.backoffS).toBeGreaterThan(50);
    for (const o of ordersA) {
      const row = await orderRow(sql, o.orderId);
      expect(row.status).toBe('processing');
      expect(row.lastError).toMatch(/HTML|backoff/);
      expect(row.nextCheckInS).toBeGreaterThan(50);
    }
    const [pb] = await sql<
      { failures: number }[]
    >`select sync_failures as failures from api_providers where id = ${b.providerId}`;
    expect(pb!.failures).toBe(0);

    // While backed off, even a forced sweep leaves A alone.
    const callsBefore = statusCalls(sandboxA);
    expect(await service.run.sweep({ force: true })).toMatchObject({ orders: 0, batches: 0 });
    expect(statusCalls(sandboxA)).toBe(callsBefore);

    // A recovers; once its backoff has run out the next sweep syncs it and resets the failure count.
    sandboxA.clearFaults();
    await sql`update api_providers set sync_backoff_until = now() - interval '1 second' where id = ${a.providerId}`;
    const recovered = await sweepAndWait();
    expect(recovered.map((r) => r.synced).sort()).toEqual([100, 50].sort());
    for (const o of ordersA) expect((await orderRow(sql, o.orderId)).status).toBe('completed');
    const [after] = await sql<{ failures: number; until: string | null }[]>`
      select sync_failures as failures, sync_backoff_until::text as until from api_providers where id = ${a.providerId}`;
    expect(after).toEqual({ failures: 0, until: null });
  });

  it('grows the backoff with consecutive failures and honours an invalid key as provider-wide', async () => {
    const userId = await insertUser(sql, '10.000000');
    const o = await placeOrder(sql, a, userId, {
      link: 'https://ig.example/key',
      quantity: 100,
      price: '0.100000',
    });
    sandboxA.setFaults({
      match: { action: 'status' },
      effect: { type: 'error-reply', error: 'Invalid API key' },
    });
    const backoffs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await service.run.batch({ providerId: a.providerId, orderIds: [o.orderId] });
      expect(res.providerError?.kind).toBe('rejected_soft');
      const [p] = await sql<{ s: number }[]>`
        select extract(epoch from sync_backoff_until - now())::float8 as s from api_providers where id = ${a.providerId}`;
      backoffs.push(p!.s);
      // Let the next batch call again (as if the backoff had passed).
      await sql`update api_providers set sync_backoff_until = now() - interval '1 second' where id = ${a.providerId}`;
    }
    // 60 s, 120 s, 240 s.
    expect(backoffs[0]).toBeGreaterThan(55);
    expect(backoffs[0]).toBeLessThanOrEqual(60);
    expect(backoffs[1]).toBeGreaterThan(115);
    expect(backoffs[2]).toBeGreaterThan(235);
    expect((await orderRow(sql, o.orderId)).lastError).toContain('Invalid API key');
    sandboxA.clearFaults();
  });
});
