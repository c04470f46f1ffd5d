import { newId, type OrderStatus, REVIEW_KIND, type ReviewKind } from '@smm/domain';
import type postgres from 'postgres';
import type { SqlLike } from '../sql-like.ts';
import { ACTIVITY } from './activity.ts';
import { cancelWithRefund } from './cancel.ts';
import { sourcesOf } from './transition.ts';

type Sql = postgres.Sql;

export interface ForwardedInput {
  orderId: string;
  providerId: string;
  providerOrderId: string;
  /** The claim's attempt: a write for an older attempt (an admin re-sent since) changes nothing. */
  attempt: number;
  /** The provider's reply, already scrubbed of our key by the client. */
  reply: unknown;
  /** Something odd about the reply (an id with HTTP 429), kept in the activity row. */
  anomaly: string | null;
  firstStatusCheckMs: number;
}

/** Per input: the order's new state, or null when the order had moved on (or another attempt owns it). */
export type ForwardedWrite = 'processing' | 'duplicate' | null;

/**
 * Success, in one statement for a batch of orders (each at most once): submitting → processing with
 * the provider's id, the activity rows, and the providers unflagged (they just took an order). Guarded
 * by the claim's attempt, so a reply to an attempt an admin has since replaced never writes. A
 * needs_review order of the same attempt is accepted: the repair job may have given up on this call
 * while it was still running, and a definite answer settles it.
 *
 * A provider order id belongs to one order: an id another order already holds (a provider answering
 * one id twice) sends this order to needs_review with the reason, never to processing — so no status
 * reply can move or refund two orders. The unique index is the second lock on that door.
 */
export async function markForwardedMany(
  sql: Sql,
  inputs: readonly ForwardedInput[],
): Promise<ForwardedWrite[]> {
  const rows = await sql<{ id: string; outcome: 'processing' | 'duplicate' }[]>`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(
        inputs.map((i) => ({
          order_id: i.orderId,
          provider_id: i.providerId,
          provider_order_id: i.providerOrderId,
          attempt: i.attempt,
          reply: i.reply ?? null,
          anomaly: i.anomaly,
          first_check_ms: i.firstStatusCheckMs,
          activity_id: newId('activity'),
        })),
      )}::jsonb) as r(order_id text, provider_id text, provider_order_id text, attempt int, reply jsonb,
                      anomaly text, first_check_ms int, activity_id text)
    ),
    held as (
      select r.order_id,
             (select o2.id from orders o2
              where o2.provider_id = r.provider_id and o2.provider_order_id = r.provider_order_id
                and o2.id <> r.order_id
              limit 1) as holder,
             (select min(r2.order_id) from r r2
              where r2.provider_id = r.provider_id and r2.provider_order_id = r.provider_order_id
                and r2.order_id < r.order_id) as earlier
      from r
    ),
    ok as (
      update orders
      set status = 'processing', provider_order_id = r.provider_order_id, last_error = null, review_kind = null,
          next_status_check = now() + r.first_check_ms * interval '1 millisecond', updated_at = now()
      from r join held h on h.order_id = r.order_id
      where orders.id = r.order_id and orders.status = any(${sourcesOf('processing', ['submitting', 'needs_review'])}::text[])
        and orders.submit_attempts = r.attempt and h.holder is null and h.earlier is null
      returning orders.id, orders.user_id
    ),
    dup as (
      update orders
      set status = 'needs_review', review_kind = ${REVIEW_KIND.duplicateProviderId},
          last_error = 'the provider answered order id ' || r.provider_order_id || ', which '
                       || coalesce(h.holder, h.earlier) || ' already holds: find this order at the provider',
          updated_at = now()
      from r join held h on h.order_id = r.order_id
      where orders.id = r.order_id and orders.status = any(${sourcesOf('needs_review', ['submitting'])}::text[])
        and orders.submit_attempts = r.attempt and (h.holder is not null or h.earlier is not null)
      returning orders.id, orders.user_id, orders.last_error
    ),
    a as (
      insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
      select r.activity_id, ok.id, r.provider_id, r.provider_order_id, ok.user_id, ${ACTIVITY.orderForwarded},
             case when r.anomaly is null then 'sent to the provider'
                  else 'sent to the provider (odd reply: ' || r.anomaly || ')' end, r.reply
      from ok join r on r.order_id = ok.id
      union all
      select r.activity_id, dup.id, r.provider_id, r.provider_order_id, dup.user_id, ${ACTIVITY.orderNeedsReview},
             dup.last_error, r.reply
      from dup join r on r.order_id = dup.id
    ),
    f as (
      -- They just took an order: no longer flagged, and their no-answer streak (and breaker) ends.
      update api_providers set flagged_at = null, flag_reason = null, ambiguous_streak = 0,
                               breaker_open_until = null, updated_at = now()
      where (flagged_at is not null or ambiguous_streak > 0 or breaker_open_until is not null)
        and id in (select r.provider_id from r join ok on ok.id = r.order_id)
    )
    select id, 'processing' as outcome from ok
    union all
    select id, 'duplicate' as outcome from dup`;
  const byId = new Map(rows.map((r) => [r.id, r.outcome]));
  return inputs.map((i) => byId.get(i.orderId) ?? null);
}

/**
 * A reply that arrived for an attempt that is no longer the order's (an admin re-sent it meanwhile):
 * the provider has that order too. Nothing about the order changes; the id is kept where an admin finds it.
 */
export async function recordStaleReply(sql: Sql, i: ForwardedInput, now: OrderStatus | null): Promise<void> {
  await sql`
    insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
    select ${newId('activity')}, id, ${i.providerId}, ${i.providerOrderId}, user_id, ${ACTIVITY.orderForwardStaleReply},
           ${`the provider created order ${i.providerOrderId} for attempt ${i.attempt}, but the order is now ${now ?? 'gone'}: check the provider for a second order`},
           ${JSON.stringify(i.reply ?? null)}::jsonb
    from orders where id = ${i.orderId}`;
}

export interface FailureInput {
  orderId: string;
  providerId: string | null;
  /** The claim's attempt: only the job that made it may move the order out of `submitting`. */
  attempt: number;
  error: string;
  record: Record<string, unknown>;
}

/** Definitely not sent: submitting → pending so the BullMQ retry (or the repair job) can claim it again. */
export function releaseForRetry(sql: Sql, i: FailureInput): Promise<boolean> {
  return leaveSubmitting(sql, i, 'pending', null, ACTIVITY.orderForwardRetry);
}

/** The provider may or may not have the order: needs_review, never sent again automatically. */
export function markNeedsReview(sql: Sql, i: FailureInput, kind: ReviewKind): Promise<boolean> {
  return leaveSubmitting(sql, i, 'needs_review', kind, ACTIVITY.orderNeedsReview);
}

/** The guarded move out of `submitting` with its activity row, in one statement. */
async function leaveSubmitting(
  sql: Sql,
  i: FailureInput,
  to: 'pending' | 'needs_review',
  reviewKind: ReviewKind | null,
  action: (typeof ACTIVITY)[keyof typeof ACTIVITY],
): Promise<boolean> {
  const rows = await sql`
    with o as (
      update orders set status = ${to}, last_error = ${i.error}, review_kind = ${reviewKind}, updated_at = now()
      where id = ${i.orderId} and status = any(${sourcesOf(to, ['submitting'])}::text[])
        and submit_attempts = ${i.attempt}
      returning id, user_id
    )
    insert into activity_log (id, order_id, provider_id, user_id, action, message, provider_response)
    select ${newId('activity')}, o.id, ${i.providerId}, o.user_id, ${action}, ${i.error},
           ${JSON.stringify(i.record)}::jsonb
    from o
    returning id`;
  return rows.length > 0;
}

export interface SoftInput extends Omit<FailureInput, 'attempt'> {
  /** `submitting` after a refused call (guarded by `attempt`); `pending` when never claimed. */
  from: { status: 'submitting'; attempt: number } | { status: 'pending' };
  flagReason: string | null;
  /** The refusal's words are unknown to every rule: counted towards FORWARD_MAX_SOFT_ROUNDS. */
  unknownText: boolean;
}

/**
 * The provider said no for a reason on our side, or cannot be used now: the order waits (pending,
 * next forward round, whose job the caller enqueues with a delay) and the provider is flagged so
 * the admin sees why. Returns the new forward round and the order's count of unknown refusals, or
 * null when the order had moved on.
 */
export async function deferOrder(
  sql: Sql,
  i: SoftInput,
): Promise<{ forwardRound: number; softRejections: number } | null> {
  const attempt = i.from.status === 'submitting' ? i.from.attempt : null;
  const [row] = await sql<{ forwardRound: number; softRejections: number }[]>`
    with o as (
      update orders
      set status = 'pending', last_error = ${i.error}, forward_round = forward_round + 1,
          soft_rejections = soft_rejections + ${i.unknownText ? 1 : 0}, updated_at = now()
      where id = ${i.orderId} and status = any(${i.from.status === 'pending' ? ['pending'] : sourcesOf('pending', ['submitting'])}::text[])
        and (${attempt}::int is null or submit_attempts = ${attempt}::int)
      returning id, user_id, forward_round, soft_rejections
    ),
    f as (
      update api_providers set flagged_at = coalesce(flagged_at, now()), flag_reason = ${i.flagReason},
                               updated_at = now()
      where id = ${i.providerId} and ${i.flagReason}::text is not null and exists (select 1 from o)
    ),
    a as (
      insert into activity_log (id, order_id, provider_id, user_id, action, message, provider_response)
      select ${newId('activity')}, o.id, ${i.providerId}, o.user_id, ${ACTIVITY.orderForwardDeferred}, ${i.error},
             ${JSON.stringify(i.record)}::jsonb
      from o
    )
    select forward_round as "forwardRound", soft_rejections as "softRejections" from o`;
  return row ?? null;
}

/**
 * The provider refused this order for good (bad service, link, quantity): canceled, refunded in full
 * exactly once, activity row — one transaction, only while this claim's attempt owns the order.
 */
export async function cancelRejected(sql: Sql, i: FailureInput): Promise<{ refunded: string } | null> {
  const done = await sql.begin((tx) =>
    cancelWithRefund(tx, {
      orderId: i.orderId,
      from: ['submitting'],
      attempt: i.attempt,
      lastError: i.error,
      note: `provider rejected the order: ${i.error}`,
      message: i.error,
      action: ACTIVITY.orderRejected,
      record: i.record,
    }),
  );
  return done ? { refunded: done.refunded } : null;
}

/** The order cannot go automatically: it waits for an admin, and says why on the order itself. */
export async function recordWaiting(sql: SqlLike, orderId: string, reason: string): Promise<void> {
  await sql`
    update orders set last_error = ${reason}, updated_at = now()
    where id = ${orderId} and status = 'pending' and last_error is distinct from ${reason}`;
}

/** The current status, after a guarded move found the order elsewhere. */
export async function currentStatus(
  sql: Sql,
  orderId: string,
): Promise<{ status: OrderStatus; providerOrderId: string | null } | null> {
  const [row] = await sql<{ status: OrderStatus; providerOrderId: string | null }[]>`
    select status, provider_order_id as "providerOrderId" from orders where id = ${orderId}`;
  return row ?? null;
}
