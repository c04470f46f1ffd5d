import {
  bumpForwardRound,
  pendingPastGrace,
  recordRequeued,
  reviewStaleSubmitting as reviewStale,
} from '@smm/db';
import type { Logger } from '@smm/logger';
import type { JobResult } from '@smm/queue';
import { enqueue, forwardJobId, QUEUE } from '@smm/queue';
import type { JobContext } from '../context.ts';
import { lookUpJob } from './live-job.ts';
import { repairCancels, repairRefills } from './repair-requests.ts';

/** The catalog's result schema for `repair-stuck` (the admin routes read it). */
export type RepairResult = JobResult<'repair-stuck'>;

/**
 * Repairs work that fell between the cracks: a `forward-order` (or `forward-refill`,
 * `forward-cancel`) job lost (Redis down at enqueue, a job removed, attempts exhausted) and a worker
 * that died between recording the intent to send and recording the outcome. The second is never
 * re-sent: the provider may have the order (or the request).
 */
export async function runRepairStuck(ctx: JobContext, log: Logger): Promise<RepairResult> {
  const needsReview = await reviewStaleSubmitting(ctx);
  const { requeued, live } = await requeuePending(ctx, log);
  if (requeued + needsReview > 0) log.info({ requeued, needsReview, live }, 'repaired stuck orders');
  ctx.metrics.repaired.inc({ action: 'requeued' }, requeued);
  ctx.metrics.repaired.inc({ action: 'needs_review' }, needsReview);
  const refills = await repairRefills(ctx, log);
  const cancels = await repairCancels(ctx, log);
  for (const [kind, r] of [
    ['refill', refills],
    ['cancel', cancels],
  ] as const) {
    if (r.requeued + r.needsReview > 0) log.info({ kind, ...r }, 'repaired stuck requests');
    ctx.metrics.repaired.inc({ action: `${kind}_requeued` }, r.requeued);
    ctx.metrics.repaired.inc({ action: `${kind}_needs_review` }, r.needsReview);
  }
  return { requeued, live, needsReview, refills, cancels };
}

async function requeuePending(ctx: JobContext, log: Logger): Promise<{ requeued: number; live: number }> {
  const { sql, settings } = ctx;
  const candidates = await pendingPastGrace(sql, {
    graceMs: settings.pendingGraceMs,
    limit: settings.repairBatchLimit,
  });
  const queue = ctx.producer.queue(QUEUE.orderForward);
  let requeued = 0;
  let live = 0;
  for (const c of candidates) {
    const { job, live: isLive } = await lookUpJob(queue, forwardJobId(c.id, c.round));
    if (isLive) {
      live++;
      continue;
    }
    const round = await bumpForwardRound(sql, c.id, c.round);
    if (round === null) continue;
    // Ids only: the forwarder reads the provider from the service when it claims the order.
    // If this enqueue fails, the next repair finds round n+1 without a job and tries again.
    await enqueue(ctx.producer, 'forward-order', { orderId: c.id }, { jobId: forwardJobId(c.id, round) });
    await recordRequeued(
      sql,
      c.id,
      `no live forward job for round ${c.round} (job ${job ? 'finished' : 'missing'}); queued round ${round}`,
    );
    log.info({ orderId: c.id, round }, 'pending order re-enqueued for forwarding');
    requeued++;
  }
  return { requeued, live };
}

function reviewStaleSubmitting(ctx: JobContext): Promise<number> {
  return reviewStale(ctx.sql, {
    staleMs: ctx.settings.submittingStaleMs,
    limit: ctx.settings.repairBatchLimit,
  });
}
