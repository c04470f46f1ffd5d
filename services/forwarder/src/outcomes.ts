import { type DbClient, refundedAmount, refundOrder } from '@smm/db';
import { cancelRefundAmount, newId, type OrderStatus } from '@smm/domain';
import type { ProviderError } from '@smm/provider-client';

type Sql = DbClient['sql'];

/** What the activity log keeps of a failed call: the classification and the provider's (scrubbed) words. */
export function errorRecord(e: ProviderError): Record<string, unknown> {
  return {
    kind: e.kind,
    message: e.message,
    providerMessage: e.providerMessage ?? null,
    httpStatus: e.httpStatus ?? null,
    code: e.code ?? null,
    reply: e.replySnippet ?? null,
  };
}

export interface ForwardedInput {
  orderId: string;
  providerId: string;
  providerOrderId: string;
  /** The provider's reply, already scrubbed of our key by the client. */
  reply: unknown;
  firstStatusCheckMs: number;
}

/**
 * Success, in one statement for a batch of orders (each at most once): submitting → processing with
 * the provider's id, the activity rows, and the providers unflagged (they just took an order). A
 * needs_review order is accepted too: the repair job may have given up on this call while it was
 * still running, and a definite answer settles it. Per input: the new status, or null when the order
 * had moved on.
 */
export async function markForwardedMany(
  sql: Sql,
  inputs: readonly ForwardedInput[],
): Promise<Array<OrderStatus | null>> {
  const rows = await sql<{ id: string; status: OrderStatus }[]>`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(
        inputs.map((i) => ({
          order_id: i.orderId,
          provider_id: i.providerId,
          provider_order_id: i.providerOrderId,
          reply: i.reply ?? null,
          first_check_ms: i.firstStatusCheckMs,
          activity_id: newId('activity'),
        })),
      )}::jsonb) as r(order_id text, provider_id text, provider_order_id text, reply jsonb, first_check_ms int,
                      activity_id text)
    ),
    o as (
      update orders
      set status = 'processing', provider_order_id = r.provider_order_id, last_error = null,
          next_status_check = now() + r.first_check_ms * interval '1 millisecond', updated_at = now()
      from r
      where orders.id = r.order_id and orders.status in ('submitting', 'needs_review')
      returning orders.id, orders.user_id, orders.status
    ),
    a as (
      insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
      select r.activity_id, o.id, r.provider_id, r.provider_order_id, o.user_id, 'order.forwarded',
             'sent to the provider', r.reply
      from o join r on r.order_id = o.id
    ),
    f as (
      update api_providers set flagged_at = null, flag_reason = null, updated_at = now()
      where flagged_at is not null and id in (select r.provider_id from r join o on o.id = r.order_id)
    )
    select id, status from o`;
  const byId = new Map(rows.map((r) => [r.id, r.status]));
  return inputs.map((i) => byId.get(i.orderId) ?? null);
}

export interface FailureInput {
  orderId: string;
  providerId: string | null;
  error: string;
  record: Record<string, unknown>;
}

/** Definitely not sent: submitting → pending so the BullMQ retry (or the repair job) can claim it again. */
export function releaseForRetry(sql: Sql, i: FailureInput): Promise<boolean> {
  return leaveSubmitting(sql, i, 'pending', 'order.forward_retry');
}

/** The provider may or may not have the order: needs_review, never sent again automatically. */
export function markNeedsReview(sql: Sql, i: FailureInput): Promise<boolean> {
  return leaveSubmitting(sql, i, 'needs_review', 'order.needs_review');
}

/** The guarded move out of `submitting` with its activity row, in one statement. */
async function leaveSubmitting(
  sql: Sql,
  i: FailureInput,
  to: 'pending' | 'needs_review',
  action: string,
): Promise<boolean> {
  const rows = await sql`
    with o as (
      update orders set status = ${to}, last_error = ${i.error}, updated_at = now()
      where id = ${i.orderId} and status = 'submitting'
      returning id, user_id
    )
    insert into activity_log (id, order_id, provider_id, user_id, action, message, provider_response)
    select ${newId('activity')}, o.id, ${i.providerId}, o.user_id, ${action}, ${i.error},
           ${JSON.stringify(i.record)}::jsonb
    from o
    returning id`;
  return rows.length > 0;
}

export interface SoftInput extends FailureInput {
  /** `submitting` after a refused call; `pending` when the order was never claimed (inactive provider). */
  from: 'submitting' | 'pending';
  flagReason: string | null;
}

/**
 * The provider said no for a reason on our side, or cannot be used now: the order waits (pending,
 * next forward round, whose job the caller enqueues with a delay) and the provider is flagged so
 * the admin sees why. Returns the new forward round, or null when the order had moved on.
 */
export async function deferOrder(sql: Sql, i: SoftInput): Promise<number | null> {
  const [row] = await sql<{ forwardRound: number }[]>`
    with o as (
      update orders
      set status = 'pending', last_error = ${i.error}, forward_round = forward_round + 1, updated_at = now()
      where id = ${i.orderId} and status = ${i.from}
      returning id, user_id, forward_round
    ),
    f as (
      update api_providers set flagged_at = coalesce(flagged_at, now()), flag_reason = ${i.flagReason},
                               updated_at = now()
      where id = ${i.providerId} and ${i.flagReason}::text is not null and exists (select 1 from o)
    ),
    a as (
      insert into activity_log (id, order_id, provider_id, user_id, action, message, provider_response)
      select ${newId('activity')}, o.id, ${i.providerId}, o.user_id, 'order.forward_deferred', ${i.error},
             ${JSON.stringify(i.record)}::jsonb
      from o
    )
    select forward_round as "forwardRound" from o`;
  return row?.forwardRound ?? null;
}

/**
 * The provider refused this order for good (bad service, link, quantity): canceled, refunded in full
 * exactly once (the ledger's one-refund-per-order index), activity row — one transaction.
 */
export async function cancelRejected(sql: Sql, i: FailureInput): Promise<{ refunded: string } | null> {
  return sql.begin(async (tx) => {
    const [o] = await tx<{ price: string; userId: string }[]>`
      update orders set status = 'canceled', last_error = ${i.error}, completed_at = now(), updated_at = now()
      where id = ${i.orderId} and status = 'submitting'
      returning price::text, user_id as "userId"`;
    if (!o) return null;
    const amount = cancelRefundAmount(o.price, await refundedAmount(tx, i.orderId));
    const refund = await refundOrder(tx, {
      orderId: i.orderId,
      amount,
      note: `provider rejected the order: ${i.error}`,
    });
    const refunded = refund.applied ? amount : '0.000000';
    await tx`
      insert into activity_log (id, order_id, provider_id, user_id, action, message, provider_response)
      values (${newId('activity')}, ${i.orderId}, ${i.providerId}, ${o.userId}, 'order.rejected', ${i.error},
              ${JSON.stringify({ ...i.record, refunded })}::jsonb)`;
    return { refunded };
  });
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
