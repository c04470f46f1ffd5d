import { newId, REVIEW_KIND } from '@smm/domain';
import type { Logger } from '@smm/logger';
import { enqueue, forwardJobId, QUEUE } from '@smm/queue';
import type { JobContext } from '../context.ts';
import { lookUpJob } from './live-job.ts';
import { type RequestRepair, repairCancels, repairRefills } from './repair-requests.ts';

export interface RepairResult {
  /** Pending auto orders that had no live forward job and got one (next round). */
  requeued: number;
  /** Pending auto orders past the grace period whose current job is still live. */
  live: number;
  /** `submitting` orders whose worker died mid-call, moved to needs_review. */
  needsReview: number;
  /** The same for customers' refill and cancel requests (their forward-refill / forward-cancel jobs). */
  refills: RequestRepair;
  cancels: RequestRepair;
}

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
  const candidates = await sql<{ id: string; round: number; providerId: string | null }[]>`
    select o.id, o.forward_round as round, coalesce(o.provider_id, s.provider_id) as "providerId"
    from orders o
    join services s on s.id = o.service_id
    where o.status = 'pending'
      and not o.is_manual
      and s.mode = 'auto'
      -- One the forwarder could never send waits for an admin (the order says why): not re-queued.
      and s.provider_id is not null and s.provider_service_id is not null
      and o.created_at < now() - ${settings.pendingGraceMs} * interval '1 millisecond'
      and o.updated_at < now() - ${settings.pendingGraceMs} * interval '1 millisecond'
    order by o.created_at
    limit ${settings.repairBatchLimit}`;

  const queue = ctx.producer.queue(QUEUE.orderForward);
  let requeued = 0;
  let live = 0;
  for (const c of candidates) {
    const { job, live: isLive } = await lookUpJob(queue, forwardJobId(c.id, c.round));
    if (isLive) {
      live++;
      continue;
    }
    // Guarded on the round we looked at: a second repairer (or the forwarder) that moved first wins.
    const [bumped] = await sql<{ round: number }[]>`
      update orders set forward_round = forward_round + 1, updated_at = now()
      where id = ${c.id} and status = 'pending' and forward_round = ${c.round}
      returning forward_round as round`;
    if (!bumped) continue;
    // Ids only: the forwarder reads the provider from the service when it claims the order.
    // If this enqueue fails, the next repair finds round n+1 without a job and tries again.
    await enqueue(
      ctx.producer,
      'forward-order',
      { orderId: c.id },
      { jobId: forwardJobId(c.id, bumped.round) },
    );
    await sql`
      insert into activity_log (id, order_id, provider_id, user_id, action, message)
      select ${newId('activity')}, id, provider_id, user_id, 'order.forward_requeued',
             ${`no live forward job for round ${c.round} (job ${job ? 'finished' : 'missing'}); queued round ${bumped.round}`}
      from orders where id = ${c.id}`;
    log.info({ orderId: c.id, round: bumped.round }, 'pending order re-enqueued for forwarding');
    requeued++;
  }
  return { requeued, live };
}

/**
 * `submitting` orders whose worker died mid-call → needs_review, never re-sent. The review item says
 * what was (or was about to be) sent, so the admin can look the order up at the provider.
 */
async function reviewStaleSubmitting(ctx: JobContext): Promise<number> {
  const { sql, settings } = ctx;
  return sql.begin(async (tx) => {
    const stale = await tx<
      {
        id: string;
        providerId: string | null;
        userId: string;
        sent: Record<string, unknown>;
        message: string;
      }[]
    >`
      update orders o set status = 'needs_review', review_kind = ${REVIEW_KIND.workerDied},
        last_error = 'worker died mid-call; fate unknown — look for the order at the provider (service '
                     || coalesce(o.sent_service_id, '?') || ', ' || o.link || ', sent '
                     || to_char(coalesce(o.submitted_at, o.updated_at) at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')
                     || ' UTC) before re-sending',
        updated_at = now()
      where o.id in (
        select id from orders
        where status = 'submitting'
          and coalesce(submitted_at, updated_at) < now() - ${settings.submittingStaleMs} * interval '1 millisecond'
        order by id
        limit ${settings.repairBatchLimit}
        for update skip locked)
        and o.status = 'submitting'
      returning o.id, o.provider_id as "providerId", o.user_id as "userId", o.last_error as message,
        jsonb_build_object('providerServiceId', o.sent_service_id, 'link', o.link, 'quantity', o.quantity,
                           'runs', o.runs, 'interval', o."interval", 'attempt', o.submit_attempts,
                           'submittedAt', coalesce(o.submitted_at, o.updated_at)) as sent`;
    if (stale.length === 0) return 0;
    const rows = stale.map((o) => ({
      id: newId('activity'),
      order_id: o.id,
      provider_id: o.providerId,
      user_id: o.userId,
      message: o.message,
      sent: o.sent,
    }));
    await tx`
      insert into activity_log (id, order_id, provider_id, user_id, action, message, provider_response)
      select x.id, x.order_id, x.provider_id, x.user_id, 'order.needs_review', x.message, x.sent
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(id text, order_id text, provider_id text, user_id text, message text, sent jsonb)`;
    return stale.length;
  });
}
