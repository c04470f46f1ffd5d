import { refundedAmount, refundOrder } from '@smm/db';
import { cancelRefundAmount, newId } from '@smm/domain';
import { enqueue, forwardCancelJobId, type Producer } from '@smm/queue';
import type postgres from 'postgres';
import type { WarnLogger } from './forwarding.ts';

export const CANCEL_REFUSAL = {
  notFound: 'Incorrect order ID',
  disabled: 'Cancel is disabled for this service',
  finished: 'Order is already finished',
  busy: 'Order is being sent to the provider; try again in a moment',
  review: 'Order is under review; contact support',
  requested: 'Cancel is already requested for this order',
} as const;
export type CancelRefusal = keyof typeof CANCEL_REFUSAL;

export type CancelRequest =
  | { ok: true; kind: 'canceled'; refunded: string; currency: string }
  | { ok: true; kind: 'requested' }
  | { ok: false; refusal: CancelRefusal };

interface OrderForCancel {
  status: string;
  price: string;
  currency: string;
  providerOrderId: string | null;
  providerId: string | null;
  cancel: boolean;
  cancelStatus: string | null;
}

/**
 * A customer's cancel. Still `pending` here (never sent): canceled and refunded in full at once, in
 * one transaction. Live at a provider (processing / in progress) and the service allows cancel: a
 * cancel request (`cancel_status = pending`) that `forward-cancel` sends upstream once; the order turns
 * canceled/partial — and is refunded — only when status sync hears it from the provider.
 */
export async function requestCancel(
  sql: postgres.Sql,
  producer: Producer,
  log: WarnLogger,
  input: { userId: string; orderId: string },
): Promise<CancelRequest> {
  const result = await sql.begin(async (tx): Promise<CancelRequest> => {
    const [o] = await tx<OrderForCancel[]>`
      select o.status, o.price::text as price, o.currency, o.provider_order_id as "providerOrderId",
             o.provider_id as "providerId", s.cancel, o.cancel_status as "cancelStatus"
      from orders o join services s on s.id = o.service_id
      where o.id = ${input.orderId} and o.user_id = ${input.userId}
      for update of o`;
    if (!o) return { ok: false, refusal: 'notFound' };
    if (o.status === 'pending') return cancelPending(tx, input, o);
    if (o.status === 'submitting') return { ok: false, refusal: 'busy' };
    if (o.status === 'needs_review') return { ok: false, refusal: 'review' };
    if (o.status !== 'processing' && o.status !== 'in_progress') return { ok: false, refusal: 'finished' };
    if (!o.cancel) return { ok: false, refusal: 'disabled' };
    if (o.cancelStatus !== null) return { ok: false, refusal: 'requested' };
    await tx`update orders set cancel_status = 'pending', cancel_error = null, updated_at = now()
             where id = ${input.orderId} and cancel_status is null`;
    await tx`insert into activity_log (id, actor_id, order_id, provider_id, provider_order_id, user_id, action, message)
             values (${newId('activity')}, ${input.userId}, ${input.orderId}, ${o.providerId}, ${o.providerOrderId},
                     ${input.userId}, 'order.cancel_requested', 'customer asked the provider to cancel')`;
    return { ok: true, kind: 'requested' };
  });
  if (result.ok && result.kind === 'requested') {
    try {
      await enqueue(
        producer,
        'forward-cancel',
        { orderId: input.orderId },
        {
          jobId: forwardCancelJobId(input.orderId),
        },
      );
    } catch (err) {
      log.warn({ err, orderId: input.orderId }, 'cancel accepted but not queued (Redis unavailable)');
    }
  }
  return result;
}

/** Never sent to a provider: cancel and give everything back now (the forwarder's claim then finds it canceled). */
async function cancelPending(
  tx: postgres.TransactionSql,
  input: { userId: string; orderId: string },
  o: OrderForCancel,
): Promise<CancelRequest> {
  const moved = await tx`
    update orders set status = 'canceled', completed_at = now(), next_status_check = null, updated_at = now()
    where id = ${input.orderId} and status = 'pending'
    returning 1`;
  if (moved.length === 0) return { ok: false, refusal: 'busy' };
  const amount = cancelRefundAmount(o.price, await refundedAmount(tx, input.orderId));
  const refund = await refundOrder(tx, {
    orderId: input.orderId,
    amount,
    note: 'canceled by the customer before it was sent',
    actorId: input.userId,
  });
  const refunded = refund.applied ? amount : '0.000000';
  await tx`insert into activity_log (id, actor_id, order_id, provider_id, user_id, action, message)
           values (${newId('activity')}, ${input.userId}, ${input.orderId}, ${o.providerId}, ${input.userId},
                   'order.canceled', ${`canceled by the customer while pending; refund ${refunded} ${o.currency}`})`;
  return { ok: true, kind: 'canceled', refunded, currency: o.currency };
}
