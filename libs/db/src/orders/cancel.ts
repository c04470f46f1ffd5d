import { cancelRefundAmount, type OrderStatus } from '@smm/domain';
import { refundedAmount, refundOrder } from '../repositories/balance.ts';
import type { SqlLike } from '../sql-like.ts';
import { ACTIVITY, type ActivityAction, recordActivity } from './activity.ts';
import { sourcesOf } from './transition.ts';

export interface CancelInput {
  orderId: string;
  /** Only from these statuses (checked against the state machine). */
  from: readonly OrderStatus[];
  /** Only while this claim's attempt owns the order (the forwarder's own cancel of a refused add). */
  attempt?: number;
  actorId?: string | null;
  /** The ledger row's note. */
  note: string;
  /** The activity row's message; `{refund}` is replaced with the amount and currency given back. */
  message: string;
  action?: ActivityAction;
  lastError?: string | null;
  /** Kept in the activity row (a provider's refusal, say); `refunded` is added. */
  record?: Record<string, unknown>;
}

export interface Canceled {
  from: OrderStatus;
  refunded: string;
  currency: string;
  userId: string;
  providerId: string | null;
  providerOrderId: string | null;
}

/**
 * Cancel, refund everything not refunded yet, write the activity row — in the caller's transaction.
 * The one way an order is canceled with its money back (an admin, a customer's pending order, a
 * provider's hard refusal): the guarded update and the ledger's one-refund-per-order index make a
 * second cancel (or a racing sync) a no-op for money. Null when the order was not in `from`.
 */
export async function cancelWithRefund(tx: SqlLike, i: CancelInput): Promise<Canceled | null> {
  const from = sourcesOf('canceled', i.from);
  const [o] = await tx<
    {
      price: string;
      currency: string;
      userId: string;
      providerId: string | null;
      providerOrderId: string | null;
      was: OrderStatus;
    }[]
  >`
    update orders o set status = 'canceled', completed_at = now(), next_status_check = null, updated_at = now(),
      last_error = coalesce(${i.lastError ?? null}, o.last_error)
    from (select id, status as was from orders where id = ${i.orderId}) prev
    where o.id = prev.id and o.status = any(${from}::text[])
      and (${i.attempt ?? null}::int is null or o.submit_attempts = ${i.attempt ?? null}::int)
    returning o.price::text as price, o.currency, o.user_id as "userId", o.provider_id as "providerId",
              o.provider_order_id as "providerOrderId", prev.was`;
  if (!o) return null;
  const amount = cancelRefundAmount(o.price, await refundedAmount(tx, i.orderId));
  const refund = await refundOrder(tx, {
    orderId: i.orderId,
    amount,
    note: i.note,
    actorId: i.actorId ?? null,
  });
  const refunded = refund.applied ? amount : '0.000000';
  await recordActivity(tx, {
    action: i.action ?? ACTIVITY.orderCanceled,
    actorId: i.actorId ?? null,
    orderId: i.orderId,
    userId: o.userId,
    providerId: o.providerId,
    providerOrderId: o.providerOrderId,
    message: i.message.replace('{refund}', `${refunded} ${o.currency}`),
    ...(i.record ? { providerResponse: { ...i.record, refunded } } : {}),
  });
  return {
    from: o.was,
    refunded,
    currency: o.currency,
    userId: o.userId,
    providerId: o.providerId,
    providerOrderId: o.providerOrderId,
  };
}
