import { randomUUID } from 'node:crypto';
import { enqueue, type JobResult, QUEUE } from '@smm/queue';
import { Job } from 'bullmq';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conflict, notFound } from '../../../errors.ts';
import { eventsFor, waitForJob } from '../../../use-cases/admin-jobs.ts';
import { syncStatusSchema } from './schemas.ts';

type SyncBatchResult = JobResult<'sync-batch'>;

/**
 * architecture.md#admin-api: one order → one sync-batch job of its own; all orders → a sweep (forced by default), then
 * each batch it enqueued. Both are status-sync's jobs, so the admin's sync and the scheduled one can
 * never double-poll or double-refund; here we only wait, within ADMIN_WAIT_MS in total.
 */
export const syncRoute: FastifyPluginAsyncZod = async (app) => {
  const { producer, config } = app.deps;

  app.post('/orders/sync-status', { schema: syncStatusSchema }, async (req, reply) => {
    const deadline = Date.now() + config.adminWaitMs;
    const left = () => deadline - Date.now();
    const events = await eventsFor(app, QUEUE.statusSync);
    const tally = { syncedOrders: 0, changedOrders: 0, errors: [] as SyncBatchResult['errors'] };
    const add = (r: SyncBatchResult) => {
      tally.syncedOrders += r.synced;
      tally.changedOrders += r.changed;
      tally.errors.push(...r.errors);
    };
    const late = (jobId: string) =>
      reply.code(202).send({ success: true as const, pending: true as const, ...tally, jobId });

    if (req.body.orderId) {
      const orderId = req.body.orderId;
      const o = await app.repos.orders.providerPlace(orderId);
      if (!o) throw notFound('order');
      if (!o.providerId || !o.providerOrderId || (o.status !== 'processing' && o.status !== 'in_progress')) {
        throw conflict(`the order is not live at a provider (status ${o.status})`, { status: o.status });
      }
      const jobId = `as-${orderId}-${randomUUID()}`;
      const job = await enqueue(
        producer,
        'sync-batch',
        { providerId: o.providerId, orderIds: [orderId] },
        { jobId },
      );
      const r = await waitForJob('sync-batch', job, events, left());
      if (r.kind === 'timeout') return late(jobId);
      if (r.kind === 'failed') tally.errors.push({ orderId, message: r.reason });
      else add(r.value);
      return { success: true as const, ...tally, jobId };
    }

    const sweep = await enqueue(producer, 'sync-sweep', { force: req.body.forceSync ?? true });
    const jobId = sweep.id!;
    const s = await waitForJob('sync-sweep', sweep, events, left());
    if (s.kind === 'timeout') return late(jobId);
    if (s.kind === 'failed') throw new Error(`status sweep failed: ${s.reason}`);
    const queue = producer.queue(QUEUE.statusSync);
    for (const id of s.value.batchJobIds) {
      const batch = await Job.fromId(queue, id);
      if (!batch) continue;
      const r = await waitForJob('sync-batch', batch, events, left());
      if (r.kind === 'timeout') return late(jobId);
      if (r.kind === 'done') add(r.value);
      else {
        const ids = (batch.data as { orderIds?: string[] }).orderIds ?? [];
        for (const orderId of ids) tally.errors.push({ orderId, message: `sync batch failed: ${r.reason}` });
      }
    }
    return { success: true as const, ...tally, jobId };
  });
};
