import {
  ACTIVITY,
  pendingRequests,
  requestActivity,
  reviewStaleRequests,
  touchPendingRequest,
} from '@smm/db';
import type { Logger } from '@smm/logger';
import { enqueue, forwardCancelJobId, forwardRefillJobId, QUEUE } from '@smm/queue';
import type { JobContext } from '../context.ts';
import { lookUpJob } from './live-job.ts';

export interface RequestRepair {
  /** Pending requests past the grace period with no live job, given a new one. */
  requeued: number;
  /** Pending requests past the grace period whose job is still going to run. */
  live: number;
  /** Requests stuck in `submitting` (worker died mid-call), moved to needs_review. */
  needsReview: number;
}

/**
 * A customer's refill / cancel request whose `forward-refill` / `forward-cancel` job was never
 * enqueued (Redis refused it after the gateway committed) or was lost stays `pending` forever
 * otherwise. The job ids are per request (`frf-<refillId>`, `fcn-<orderId>`) and BullMQ ignores an
 * add whose id exists, so a finished job under that id is removed before the new one is added:
 * at most one job per request exists at any time, and its id is the one the gateway used.
 */
export async function repairRefills(ctx: JobContext, log: Logger): Promise<RequestRepair> {
  const { sql, settings } = ctx;
  const needsReview = await reviewStaleRequests(
    sql,
    'refill',
    settings.submittingStaleMs,
    settings.repairBatchLimit,
  );
  const stuck = await pendingRequests(sql, 'refill', settings.pendingGraceMs, settings.repairBatchLimit);
  let requeued = 0;
  let live = 0;
  for (const r of stuck) {
    const outcome = await requeue(ctx, forwardRefillJobId(r.id), {
      // Guarded like forward_round for orders: of two repairers, the one that touches it first re-adds.
      touch: () => touchPendingRequest(sql, 'refill', r.id, settings.pendingGraceMs),
      add: (jobId) => enqueue(ctx.producer, 'forward-refill', { refillId: r.id }, { jobId }),
    });
    if (outcome === 'live') live++;
    if (typeof outcome !== 'object') continue;
    await requestActivity(
      sql,
      [r],
      ACTIVITY.refillRequeued,
      `refill ${r.id}: no live job (${outcome.was}); queued again`,
    );
    log.info({ refillId: r.id, was: outcome.was }, 'pending refill re-enqueued');
    requeued++;
  }
  return { requeued, live, needsReview };
}

/** The same for cancel requests (`orders.cancel_status`). */
export async function repairCancels(ctx: JobContext, log: Logger): Promise<RequestRepair> {
  const { sql, settings } = ctx;
  const needsReview = await reviewStaleRequests(
    sql,
    'cancel',
    settings.submittingStaleMs,
    settings.repairBatchLimit,
  );
  const stuck = await pendingRequests(sql, 'cancel', settings.pendingGraceMs, settings.repairBatchLimit);
  let requeued = 0;
  let live = 0;
  for (const o of stuck) {
    const outcome = await requeue(ctx, forwardCancelJobId(o.id), {
      touch: () => touchPendingRequest(sql, 'cancel', o.id, settings.pendingGraceMs),
      add: (jobId) => enqueue(ctx.producer, 'forward-cancel', { orderId: o.id }, { jobId }),
    });
    if (outcome === 'live') live++;
    if (typeof outcome !== 'object') continue;
    await requestActivity(
      sql,
      [o],
      ACTIVITY.orderCancelRequeued,
      `cancel request: no live job (${outcome.was}); queued again`,
    );
    log.info({ orderId: o.id, was: outcome.was }, 'pending cancel request re-enqueued');
    requeued++;
  }
  return { requeued, live, needsReview };
}

async function requeue(
  ctx: JobContext,
  jobId: string,
  step: { touch: () => Promise<boolean>; add: (jobId: string) => Promise<unknown> },
): Promise<'live' | 'moved' | { was: string }> {
  const look = await lookUpJob(ctx.producer.queue(QUEUE.orderForward), jobId);
  if (look.live) return 'live';
  if (!(await step.touch())) return 'moved';
  try {
    await look.job?.remove();
  } catch {
    // Locked: a job under this id is running after all (another repairer's); it is live.
    return 'live';
  }
  // If this add fails the request is still pending, and a later repair tries again.
  await step.add(jobId);
  return { was: look.state };
}
