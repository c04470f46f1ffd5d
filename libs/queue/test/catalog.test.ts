import { newId } from '@smm/domain';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl } from '@smm/testkit/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createProducerConnection,
  createWorker,
  createWorkerConnection,
  enqueue,
  forwardCancelJobId,
  forwardJobId,
  forwardRefillJobId,
  type HandlerMap,
  jobCatalog,
  Producer,
  QUEUE,
  QueueUnavailableError,
  waitForRedis,
} from '../src/index.ts';

const url = testRedisUrl();
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('job catalog', () => {
  it('every job has a queue, a strict schema and retention', () => {
    for (const def of Object.values(jobCatalog)) {
      expect(Object.values(QUEUE)).toContain(def.queue);
      expect(def.options.removeOnComplete).toEqual({ age: 86400, count: 1000 });
      expect(def.options.removeOnFail).toEqual({ age: 604800 });
    }
    expect(jobCatalog['forward-order'].schema.safeParse({ orderId: newId('order'), extra: 1 }).success).toBe(
      false,
    );
    expect(
      jobCatalog['sync-batch'].schema.safeParse({ providerId: newId('provider'), orderIds: [] }).success,
    ).toBe(false);
  });

  it('a handler map without every job of the queue does not compile', () => {
    // @ts-expect-error sync-batch, sync-refills and repair-stuck are missing
    const partial: HandlerMap<'status-sync'> = { 'sync-sweep': async () => {} };
    expect(partial).toBeDefined();
  });

  it('refill and cancel jobs carry one id of the right kind', () => {
    expect(jobCatalog['forward-refill'].schema.safeParse({ refillId: newId('refill') }).success).toBe(true);
    expect(jobCatalog['forward-refill'].schema.safeParse({ refillId: newId('order') }).success).toBe(false);
    expect(jobCatalog['forward-cancel'].schema.safeParse({ orderId: newId('order') }).success).toBe(true);
    expect(forwardRefillJobId('rfl_x')).toBe('frf-rfl_x');
    expect(forwardCancelJobId('ord_x')).toBe('fcn-ord_x');
  });

  it('forward job ids embed the order id and round and contain no colon', () => {
    const id = forwardJobId(newId('order'), 2);
    expect(id).toMatch(/^fwd-ord_[0-9a-z]{26}-2$/);
    expect(id).not.toContain(':');
  });
});

describe('enqueue and createWorker', () => {
  it('round-trips a validated payload with a deterministic job id, once', async () => {
    const prefix = testPrefix('queue');
    const producer = createProducerConnection(url);
    const queues = new Producer({ connection: producer, prefix });
    const workerConn = createWorkerConnection(url);
    const seen: string[] = [];
    const worker = createWorker(
      'order-forward',
      {
        'forward-order': async (job) => {
          seen.push(job.data.orderId);
          return { status: 'processing' };
        },
        'forward-refill': async () => ({ status: 'pending' }),
        'forward-cancel': async () => ({ cancelStatus: null }),
      },
      { connection: workerConn, prefix },
    );
    cleanups.push(async () => {
      await worker.close();
      await queues.close();
      producer.disconnect();
      workerConn.disconnect();
      await deletePrefix(url, prefix);
    });
    await waitForRedis(producer);
    const orderId = newId('order');
    const jobId = forwardJobId(orderId, 1);
    await enqueue(queues, 'forward-order', { orderId }, { jobId });
    await enqueue(queues, 'forward-order', { orderId }, { jobId }); // duplicate id: ignored
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(1);
    const job = await queues.queue('order-forward').getJob(jobId);
    await expect.poll(async () => await job!.getState(), { timeout: 5000 }).toBe('completed');
    expect(seen).toEqual([orderId]);
  });

  it('refuses an invalid payload at enqueue time', async () => {
    const prefix = testPrefix('queue');
    const producer = createProducerConnection(url);
    const queues = new Producer({ connection: producer, prefix });
    cleanups.push(async () => {
      await queues.close();
      producer.disconnect();
    });
    await waitForRedis(producer);
    await expect(enqueue(queues, 'forward-order', { orderId: '12345' })).rejects.toThrow(/order id/);
  });

  it('a producer that was ready fails fast when Redis goes away, and works again after', async () => {
    const prefix = testPrefix('queue');
    const producer = createProducerConnection(url);
    const queues = new Producer({ connection: producer, prefix });
    cleanups.push(async () => {
      await queues.close();
      producer.disconnect();
      await deletePrefix(url, prefix);
    });
    await waitForRedis(producer);
    await enqueue(queues, 'repair-stuck', {});
    // Drop the connection: with no offline queue the next enqueue errors at once.
    producer.disconnect(true);
    await expect(enqueue(queues, 'repair-stuck', {})).rejects.toThrow();
    // Reconnects by itself; enqueue works again without rebuilding anything.
    await expect
      .poll(
        () =>
          enqueue(queues, 'repair-stuck', {}).then(
            () => true,
            () => false,
          ),
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);
    expect(await queues.queue('status-sync').count()).toBe(2);
  });

  it('a producer fails fast when Redis is unreachable instead of hanging', async () => {
    const producer = createProducerConnection('redis://127.0.0.1:1', { retryStrategy: () => null });
    producer.on('error', () => {});
    const queues = new Producer({ connection: producer, prefix: testPrefix('down') });
    cleanups.push(async () => {
      await queues.close();
      producer.disconnect();
    });
    const started = Date.now();
    await expect(enqueue(queues, 'forward-order', { orderId: newId('order') })).rejects.toThrow(
      QueueUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
