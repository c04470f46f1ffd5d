import { REVIEW_KIND } from '@smm/domain';
import type postgres from 'postgres';
import type { SqlLike } from '../sql-like.ts';
import { ACTIVITY, recordActivity } from './activity.ts';
import { sourcesOf } from './transition.ts';

/** A pending auto order past the grace period, with the round its forward job should be in. */
export interface PendingCandidate {
  id: string;
  round: number;
}

/**
 * Pending auto orders older than the grace (and untouched for it) — candidates for a lost forward
 * job. One the forwarder could never send (its service has no provider or provider number) waits for
 * an admin and says why; it is not one.
 */
export async function pendingPastGrace(
  sql: SqlLike,
  opts: { graceMs: number; limit: number },
): Promise<PendingCandidate[]> {
  return sql<PendingCandidate[]>`
    select o.id, o.forward_round as round
    from orders o
    join services s on s.id = o.service_id
    where o.status = 'pending'
      and not o.is_manual
      and s.mode = 'auto'
      and s.provider_id is not null and s.provider_service_id is not null
      and o.created_at < now() - ${opts.graceMs} * interval '1 millisecond'
      and o.updated_at < now() - ${opts.graceMs} * interval '1 millisecond'
    order by o.created_at
    limit ${opts.limit}`;
}

/**
 * The next forward round for an order whose job was lost, guarded on the round looked at: a second
 * repairer (or the forwarder) that moved first wins. Null when it did.
 */
export async function bumpForwardRound(sql: SqlLike, orderId: string, round: number): Promise<number | null> {
  const [bumped] = await sql<{ round: number }[]>`
    update orders set forward_round = forward_round + 1, updated_at = now()
    where id = ${orderId} and status = 'pending' and forward_round = ${round}
    returning forward_round as round`;
  return bumped?.round ?? null;
}

export async function recordRequeued(sql: SqlLike, orderId: string, message: string): Promise<void> {
  const [o] = await sql<{ userId: string; providerId: string | null }[]>`
    select user_id as "userId", provider_id as "providerId" from orders where id = ${orderId}`;
  if (!o) return;
  await recordActivity(sql, {
    action: ACTIVITY.orderForwardRequeued,
    orderId,
    userId: o.userId,
    providerId: o.providerId,
    message,
  });
}

/**
 * `submitting` orders whose worker died mid-call → needs_review, never re-sent. The review item
 * says what was (or was about to be) sent, so the admin can look the order up at the provider.
 */
export async function reviewStaleSubmitting(
  sql: postgres.Sql,
  opts: { staleMs: number; limit: number },
): Promise<number> {
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
          and coalesce(submitted_at, updated_at) < now() - ${opts.staleMs} * interval '1 millisecond'
        order by id
        limit ${opts.limit}
        for update skip locked)
        and o.status = any(${sourcesOf('needs_review', ['submitting'])}::text[])
      returning o.id, o.provider_id as "providerId", o.user_id as "userId", o.last_error as message,
        jsonb_build_object('providerServiceId', o.sent_service_id, 'link', o.link, 'quantity', o.quantity,
                           'runs', o.runs, 'interval', o."interval", 'attempt', o.submit_attempts,
                           'submittedAt', coalesce(o.submitted_at, o.updated_at)) as sent`;
    for (const o of stale) {
      await recordActivity(tx, {
        action: ACTIVITY.orderNeedsReview,
        orderId: o.id,
        userId: o.userId,
        providerId: o.providerId,
        message: o.message,
        providerResponse: o.sent,
      });
    }
    return stale.length;
  });
}
