import { createSecretBox } from '@smm/db';
import { buildForwarder } from '@smm/forwarder';
import { createLogger } from '@smm/logger';
import { createWorkerConnection, enqueue, forwardJobId, QUEUE } from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityOf,
  buildInstance,
  chargeOrder,
  insertProvider,
  insertUser,
  orderRow,
  testConfig,
} from './helpers.ts';

const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-repair');
const config = testConfig(t.url, redisUrl, prefix, {
  PENDING_GRACE_MS: '30000',
  SUBMITTING_STALE_MS: '120000',
});

const sandbox = await startSandbox({ durationMs: 60_000 });
const auto = await insertProvider(sql, config, sandbox);
const manual = await insertProvider(sql, config, sandbox, { mode: 'manual' });
const service = buildInstance(config);
const userId = await insertUser(sql, '100.000000');

beforeAll(() => service.start({ listen: false }));
afterAll(async () => {
  await service.close();
  await sandbox.close();
  await deletePrefix(redisUrl, prefix);
});

async function order(p: typeof auto, link: string, ageS: number): Promise<string> {
  const id = await chargeOrder(sql, p, userId, {
    link: `https://ig.example/${link}`,
    quantity: 100,
    price: '1.000000',
  });
  await sql`update orders set created_at = now() - ${ageS} * interval '1 second',
                              updated_at = now() - ${ageS} * interval '1 second'
            where id = ${id}`;
  return id;
}

/** No refill or cancel requests in this file. */
const none = { requeued: 0, live: 0, needsReview: 0 };
const forwardQueue = () => service.producer.queue(QUEUE.orderForward);

describe('repair-stuck', () => {
  const ids = {} as Record<'lost' | 'live' | 'manual' | 'young' | 'stale' | 'fresh', string>;

  it('re-enqueues a pending auto order whose job was lost, leaves live jobs, manual and young orders alone', async () => {
    ids.lost = await order(auto, 'lost', 60);
    ids.live = await order(auto, 'live', 60);
    ids.manual = await order(manual, 'manual', 60);
    ids.young = await order(auto, 'young', 1);
    // A job that is still going to run (waiting out a delay): the order is not stuck.
    await enqueue(
      service.producer,
      'forward-order',
      { orderId: ids.live },
      { jobId: forwardJobId(ids.live, 1), delay: 600_000 },
    );

    const res = await service.run.repair();
    expect(res).toEqual({ requeued: 1, live: 1, needsReview: 0, refills: none, cancels: none });

    expect((await orderRow(sql, ids.lost)).forwardRound).toBe(2);
    const job = await forwardQueue().getJob(forwardJobId(ids.lost, 2));
    expect(job?.name).toBe('forward-order');
    // Ids only: the forwarder reads the service's provider when it claims the order, never a stale job's.
    expect(job?.data).toEqual({ orderId: ids.lost });
    expect(await job?.getState()).toBe('waiting');
    expect((await activityOf(sql, ids.lost)).map((a) => a.action)).toContain('order.forward_requeued');

    for (const id of [ids.live, ids.manual, ids.young]) {
      expect(await orderRow(sql, id)).toMatchObject({ status: 'pending', forwardRound: 1 });
    }
    expect(await forwardQueue().getJob(forwardJobId(ids.manual, 2))).toBeUndefined();

    // Past the grace period again, the order's new job is live: nothing more is enqueued.
    await sql`update orders set updated_at = now() - interval '1 minute' where id = ${ids.lost}`;
    expect(await service.run.repair()).toEqual({
      requeued: 0,
      live: 2,
      needsReview: 0,
      refills: none,
      cancels: none,
    });
    expect((await orderRow(sql, ids.lost)).forwardRound).toBe(2);
  });

  it('moves a stale submitting order to needs_review (never back to pending); a fresh one stays', async () => {
    ids.stale = await order(auto, 'stale', 600);
    ids.fresh = await order(auto, 'fresh', 600);
    await sql`update orders set status = 'submitting', submitted_at = now() - interval '5 minutes', sent_service_id = '1',
                                submit_attempts = 1
              where id = ${ids.stale}`;
    await sql`update orders set status = 'submitting', submitted_at = now() - interval '10 seconds' where id = ${ids.fresh}`;

    const res = await service.run.repair();
    expect(res.needsReview).toBe(1);
    const stale = await orderRow(sql, ids.stale);
    expect(stale.status).toBe('needs_review');
    expect(stale.lastError).toContain('worker died mid-call; fate unknown');
    // What the admin needs to find the order at the provider: service number, link, quantity, time.
    expect(stale.lastError).toMatch(
      /look for the order at the provider \(service 1, https:\/\/\S+, sent \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)/,
    );
    const [kind] = await sql`select review_kind from orders where id = ${ids.stale}`;
    expect(kind!.review_kind).toBe('worker_died');
    const acts = await activityOf(sql, ids.stale);
    expect(acts.at(-1)).toMatchObject({ action: 'order.needs_review' });
    expect(acts.at(-1)!.providerResponse).toMatchObject({
      providerServiceId: '1',
      quantity: expect.any(Number),
      attempt: 1,
    });
    expect((await orderRow(sql, ids.fresh)).status).toBe('submitting');
    // Nothing is ever sent for it again automatically.
    expect(await forwardQueue().getJob(forwardJobId(ids.stale, 2))).toBeUndefined();
  });

  it('the forwarder sends the repaired order once and it reaches processing', async () => {
    const connection = createWorkerConnection(redisUrl);
    const forwarder = buildForwarder({
      sql,
      connection,
      secretBox: createSecretBox(config.secretsKey),
      logger: createLogger({ service: 'forwarder', level: 'silent' }),
      settings: { prefix, allowInsecureProviderUrls: true, concurrency: 2 },
    });
    await forwarder.start();
    try {
      const deadline = Date.now() + 15_000;
      while ((await orderRow(sql, ids.lost)).status !== 'processing' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await orderRow(sql, ids.lost)).toMatchObject({ status: 'processing', forwardRound: 2 });
      expect(sandbox.addCalls('https://ig.example/lost')).toEqual({ total: 1, accepted: 1 });
    } finally {
      await forwarder.close();
      await connection.quit();
    }
  });
});
