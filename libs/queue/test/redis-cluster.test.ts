import { randomBytes } from 'node:crypto';
import { newId } from '@smm/domain';
import { testRedisUrl } from '@smm/testkit/vitest';
import { Queue } from 'bullmq';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClusterPrefixError,
  createProducerConnection,
  createWorker,
  createWorkerConnection,
  duplicateConnection,
  enqueue,
  enqueueBulk,
  forwardJobId,
  Producer,
  type RedisConnection,
  type RedisTarget,
  type Worker,
  waitForRedis,
} from '../src/index.ts';
import { haveRedisBinaries, type RunningCluster, startRedisCluster } from './redis-cluster-process.ts';

// README "Scaling": the queues run unchanged on a Redis Cluster once BULL_PREFIX carries a hash tag.
// Runs only where redis-server and redis-cli are installed; the cluster is this file's own.
describe.skipIf(!haveRedisBinaries())('BullMQ on a Redis Cluster', () => {
  let cluster: RunningCluster;
  let target: RedisTarget;
  const opened: RedisConnection[] = [];
  const workers: Worker[] = [];
  const producers: Producer[] = [];
  const prefix = `{smm-test-${randomBytes(4).toString('hex')}}`;

  const connection = (kind: 'producer' | 'worker') => {
    const c = kind === 'producer' ? createProducerConnection(target) : createWorkerConnection(target);
    opened.push(c);
    return c;
  };

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    // REDIS_URL gives only credentials/TLS with REDIS_CLUSTER_NODES; its host is not used.
    target = { url: 'redis://127.0.0.1', clusterNodes: cluster.nodes };
  });

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.close()));
    await Promise.allSettled(producers.map((p) => p.close()));
    for (const c of opened) c.disconnect();
    await cluster?.stop();
  });

  it('connects to every master as a cluster', async () => {
    const conn = connection('producer');
    expect(conn).toBeInstanceOf(Cluster);
    await waitForRedis(conn, 10_000);
    expect((conn as Cluster).nodes('master')).toHaveLength(3);
  });

  it('enqueues through the catalog (one, bulk, delayed) and a worker runs each job once', async () => {
    const producer = new Producer({ connection: connection('producer'), prefix });
    producers.push(producer);
    await waitForRedis(producer.connection, 10_000);
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
      { connection: connection('worker'), prefix, concurrency: 5 },
    );
    workers.push(worker);

    const one = newId('order');
    await enqueue(producer, 'forward-order', { orderId: one }, { jobId: forwardJobId(one, 1) });
    // The same deterministic id again: ignored, as on a standalone Redis.
    await enqueue(producer, 'forward-order', { orderId: one }, { jobId: forwardJobId(one, 1) });
    const bulk = Array.from({ length: 10 }, () => newId('order'));
    await enqueueBulk(
      producer,
      'forward-order',
      bulk.map((orderId) => ({ payload: { orderId }, opts: { jobId: forwardJobId(orderId, 1) } })),
    );
    const later = newId('order');
    await enqueue(
      producer,
      'forward-order',
      { orderId: later },
      { jobId: forwardJobId(later, 1), delay: 300 },
    );

    await expect.poll(() => seen.length, { timeout: 15_000 }).toBe(12);
    expect(new Set(seen)).toEqual(new Set([one, ...bulk, later]));
    const job = await producer.queue('order-forward').getJob(forwardJobId(later, 1));
    await expect.poll(async () => job?.getState(), { timeout: 5_000 }).toBe('completed');
  });

  it('runs a job scheduler (upsertJobScheduler, as status-sync does) repeatedly', async () => {
    const producer = new Producer({ connection: connection('producer'), prefix });
    producers.push(producer);
    await waitForRedis(producer.connection, 10_000);
    let sweeps = 0;
    const worker = createWorker(
      'status-sync',
      {
        'sync-sweep': async () => {
          sweeps++;
          return { batches: 0, orders: 0, batchJobIds: [] };
        },
        'sync-batch': async () => ({ synced: 0, changed: 0, errors: [] }),
        'sync-refills': async () => ({ checked: 0, changed: 0, errors: [] }),
        'repair-stuck': async () => ({
          requeued: 0,
          live: 0,
          needsReview: 0,
          refills: { requeued: 0, live: 0, needsReview: 0 },
          cancels: { requeued: 0, live: 0, needsReview: 0 },
        }),
        'purge-idempotency-keys': async () => ({ deleted: 0 }),
      },
      { connection: connection('worker'), prefix },
    );
    workers.push(worker);
    const queue = producer.queue('status-sync');
    await queue.upsertJobScheduler('status-sweep', { every: 250 }, { name: 'sync-sweep', data: {} });
    await expect.poll(() => sweeps, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect((await queue.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual(['status-sweep']);
    await queue.removeJobScheduler('status-sweep');
  });

  it('duplicates a cluster connection as a cluster (the forwarder lease connection)', async () => {
    const base = connection('worker');
    const side = duplicateConnection(base, { enableAutoPipelining: true, connectionName: 'leases' });
    opened.push(side);
    expect(side).toBeInstanceOf(Cluster);
    const options = (side as Cluster).options;
    expect(options.enableAutoPipelining).toBe(true);
    expect(options.redisOptions?.connectionName).toBe('leases');
    expect(options.redisOptions?.maxRetriesPerRequest).toBeNull();
    await waitForRedis(side, 10_000);
    expect(await side.ping()).toBe('PONG');
  });

  it('refuses an unhashed prefix on a cluster, which BullMQ itself would fail with CROSSSLOT', async () => {
    const producerConn = connection('producer');
    await waitForRedis(producerConn, 10_000);
    expect(() => new Producer({ connection: producerConn, prefix: 'bull' })).toThrow(ClusterPrefixError);
    expect(() => new Producer({ connection: producerConn })).toThrow(/hash tag such as \{smm\}/);
    expect(() =>
      createWorker(
        'order-forward',
        {
          'forward-order': async () => ({ status: 'processing' }),
          'forward-refill': async () => ({ status: 'pending' }),
          'forward-cancel': async () => ({ cancelStatus: null }),
        },
        // An empty tag ({}) hashes the whole key, so it does not count.
        { connection: connection('worker'), prefix: 'bull{}', autorun: false },
      ),
    ).toThrow(ClusterPrefixError);

    // Why: the same queue built directly on the cluster with an untagged prefix cannot add a job.
    const raw = new Queue('order-forward', { connection: producerConn, prefix: 'bull-untagged' });
    try {
      await expect(raw.add('forward-order', { orderId: newId('order') })).rejects.toThrow(/CROSSSLOT/);
    } finally {
      await raw.close();
    }

    // A standalone Redis takes any prefix, as before.
    const standalone = createProducerConnection(testRedisUrl());
    opened.push(standalone);
    await waitForRedis(standalone);
    expect(() => new Producer({ connection: standalone, prefix: 'bull' })).not.toThrow();
  });
});
