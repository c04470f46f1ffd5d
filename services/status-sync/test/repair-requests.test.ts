import { createSecretBox } from '@smm/db';
import { newId } from '@smm/domain';
import { buildForwarder } from '@smm/forwarder';
import { createLogger } from '@smm/logger';
import {
  createWorkerConnection,
  enqueue,
  forwardCancelJobId,
  forwardRefillJobId,
  QUEUE,
  UnrecoverableError,
  waitForRedis,
} from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityOf, buildInstance, insertProvider, insertUser, placeOrder, testConfig } from './helpers.ts';

const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-repair-req');
const config = testConfig(t.url, redisUrl, prefix, {
  PENDING_GRACE_MS: '30000',
  SUBMITTING_STALE_MS: '120000',
});

// Orders complete at once (refillable), except links with "hold", which stay Pending (cancelable).
const sandbox = await startSandbox({ refillDurationMs: 60_000 });
sandbox.setOutcomes([{ match: { linkIncludes: 'hold' }, status: 'Pending' }]);
const provider = await insertProvider(sql, config, sandbox);
const service = buildInstance(config);
const userId = await insertUser(sql, '100.000000');

beforeAll(() => service.start({ listen: false }));
afterAll(async () => {
  await service.close();
  await sandbox.close();
  await deletePrefix(redisUrl, prefix);
});

const queue = () => service.producer.queue(QUEUE.orderForward);
const none = { requeued: 0, live: 0, needsReview: 0 };

async function atProvider(label: string): Promise<{ orderId: string; providerOrderId: string }> {
  return placeOrder(sql, provider, userId, {
    link: `https://ig.example/${label}`,
    quantity: 100,
    price: '0.1',
  });
}

/** A refill the gateway recorded `ageS` seconds ago, in `status`. */
async function refill(label: string, ageS: number, status = 'pending'): Promise<string> {
  const { orderId } = await atProvider(label);
  await sql`update orders set status = 'completed' where id = ${orderId}`;
  const id = newId('refill');
  await sql`insert into refills (id, order_id, user_id, status, created_at, updated_at)
            values (${id}, ${orderId}, ${userId}, ${status}, now() - ${ageS} * interval '1 second',
                    now() - ${ageS} * interval '1 second')`;
  return id;
}

/** A cancel request on a live order, recorded `ageS` seconds ago, in `cancelStatus`. */
async function cancel(label: string, ageS: number, cancelStatus = 'pending'): Promise<string> {
  const { orderId } = await atProvider(`hold-${label}`);
  await sql`update orders set cancel_status = ${cancelStatus}, updated_at = now() - ${ageS} * interval '1 second'
            where id = ${orderId}`;
  return orderId;
}

async function refillRow(id: string) {
  const [r] = await sql<
    { status: string; lastError: string | null; orderId: string; refillId: string | null }[]
  >`
    select status, last_error as "lastError", order_id as "orderId", provider_refill_id as "refillId"
    from refills where id = ${id}`;
  return r!;
}

async function cancelRow(orderId: string) {
  const [o] = await sql<{ cancelStatus: string | null; cancelError: string | null }[]>`
    select cancel_status as "cancelStatus", cancel_error as "cancelError" from orders where id = ${orderId}`;
  return o!;
}

/** A job that ran and failed for good (say, Postgres was down through all its attempts). */
async function failedJob(jobId: string, add: () => Promise<unknown>) {
  const connection = createWorkerConnection(redisUrl);
  await waitForRedis(connection);
  const worker = new Worker(
    QUEUE.orderForward,
    async () => {
      throw new UnrecoverableError('database unavailable');
    },
    { connection, prefix, autorun: false },
  );
  const failed = new Promise((resolve) => worker.once('failed', resolve));
  await add();
  void worker.run();
  await failed;
  await worker.close();
  connection.disconnect();
  expect(await (await queue().getJob(jobId))?.getState()).toBe('failed');
}

const refills = {} as Record<'lost' | 'failed' | 'live' | 'young' | 'stale' | 'fresh', string>;
const cancels = {} as Record<'lost' | 'live' | 'young' | 'stale', string>;

describe('repair-stuck for refill and cancel requests', () => {
  it('re-enqueues pending refills with no live job (never queued, or failed), leaves live and young ones', async () => {
    refills.failed = await refill('failed', 60);
    const failedId = forwardRefillJobId(refills.failed);
    await failedJob(failedId, () =>
      enqueue(service.producer, 'forward-refill', { refillId: refills.failed }, { jobId: failedId }),
    );
    refills.lost = await refill('lost', 60);
    refills.live = await refill('live', 60);
    refills.young = await refill('young', 1);
    // Still going to run (waiting out a retry delay): not stuck.
    await enqueue(
      service.producer,
      'forward-refill',
      { refillId: refills.live },
      { jobId: forwardRefillJobId(refills.live), delay: 600_000 },
    );

    const res = await service.run.repair();
    expect(res.refills).toEqual({ requeued: 2, live: 1, needsReview: 0 });
    expect(res).toMatchObject({ requeued: 0, live: 0, needsReview: 0, cancels: none });

    for (const id of [refills.lost, refills.failed]) {
      const job = await queue().getJob(forwardRefillJobId(id));
      expect(job?.name).toBe('forward-refill');
      expect(job?.data).toEqual({ refillId: id });
      expect(await job?.getState()).toBe('waiting');
      expect((await refillRow(id)).status).toBe('pending');
    }
    const acts = await activityOf(sql, (await refillRow(refills.failed)).orderId);
    expect(acts.at(-1)).toMatchObject({
      action: 'refill.requeued',
      message: `refill ${refills.failed}: no live job (failed); queued again`,
    });
    expect(await queue().getJob(forwardRefillJobId(refills.young))).toBeUndefined();

    // Past the grace period again, each has a job that will run: nothing more is enqueued.
    await sql`update refills set updated_at = now() - interval '1 minute'
              where id in ${sql([refills.lost, refills.failed])}`;
    expect((await service.run.repair()).refills).toEqual({ requeued: 0, live: 3, needsReview: 0 });
  });

  it('re-enqueues a pending cancel request whose job was lost, leaves live and young ones', async () => {
    cancels.lost = await cancel('lost', 60);
    cancels.live = await cancel('live', 60);
    cancels.young = await cancel('young', 1);
    await enqueue(
      service.producer,
      'forward-cancel',
      { orderId: cancels.live },
      { jobId: forwardCancelJobId(cancels.live), delay: 600_000 },
    );

    const res = await service.run.repair();
    expect(res.cancels).toEqual({ requeued: 1, live: 1, needsReview: 0 });
    const job = await queue().getJob(forwardCancelJobId(cancels.lost));
    expect(job?.data).toEqual({ orderId: cancels.lost });
    expect(await job?.getState()).toBe('waiting');
    expect((await activityOf(sql, cancels.lost)).at(-1)).toMatchObject({
      action: 'order.cancel_requeued',
      message: 'cancel request: no live job (missing); queued again',
    });
    expect(await queue().getJob(forwardCancelJobId(cancels.young))).toBeUndefined();
    expect((await cancelRow(cancels.young)).cancelStatus).toBe('pending');
  });

  it('moves refills and cancels stuck in submitting to needs_review, never re-sent; fresh ones stay', async () => {
    refills.stale = await refill('stale', 300, 'submitting');
    refills.fresh = await refill('fresh', 10, 'submitting');
    cancels.stale = await cancel('stale', 300, 'submitting');
    const fresh = await cancel('fresh', 10, 'submitting');

    const res = await service.run.repair();
    expect(res.refills.needsReview).toBe(1);
    expect(res.cancels.needsReview).toBe(1);

    const stale = await refillRow(refills.stale);
    expect(stale).toMatchObject({ status: 'needs_review' });
    expect(stale.lastError).toContain('worker died mid-call; fate unknown');
    expect((await activityOf(sql, stale.orderId)).at(-1)).toMatchObject({ action: 'refill.needs_review' });
    expect((await refillRow(refills.fresh)).status).toBe('submitting');

    expect(await cancelRow(cancels.stale)).toMatchObject({ cancelStatus: 'needs_review' });
    expect((await cancelRow(cancels.stale)).cancelError).toContain('worker died mid-call');
    expect((await activityOf(sql, cancels.stale)).at(-1)).toMatchObject({
      action: 'order.cancel_needs_review',
    });
    expect((await cancelRow(fresh)).cancelStatus).toBe('submitting');
    // Nothing is queued for them, now or on later runs.
    await service.run.repair();
    expect(await queue().getJob(forwardRefillJobId(refills.stale))).toBeUndefined();
    expect(await queue().getJob(forwardCancelJobId(cancels.stale))).toBeUndefined();
  });

  it('the forwarder sends the repaired refills and cancel once each', async () => {
    const connection = createWorkerConnection(redisUrl);
    const forwarder = buildForwarder({
      sql,
      connection,
      secretBox: createSecretBox(config.secretsKey),
      logger: createLogger({ service: 'forwarder', level: 'silent' }),
      settings: { prefix, allowInsecureProviderUrls: true, concurrency: 2 },
    });
    const refillCalls = () => sandbox.stats().requests.byAction.refill ?? 0;
    const cancelCalls = () => sandbox.stats().requests.byAction.cancel ?? 0;
    const before = { refill: refillCalls(), cancel: cancelCalls() };
    await forwarder.start();
    try {
      const done = async () =>
        [
          (await refillRow(refills.lost)).status,
          (await refillRow(refills.failed)).status,
          (await cancelRow(cancels.lost)).cancelStatus,
        ].join();
      await expect.poll(done, { timeout: 15_000, interval: 100 }).toBe('processing,processing,sent');
      expect((await refillRow(refills.lost)).refillId).toMatch(/^\d+$/);
      expect(refillCalls() - before.refill).toBe(2);
      expect(cancelCalls() - before.cancel).toBe(1);
    } finally {
      await forwarder.close();
      await connection.quit();
    }
  });
});
