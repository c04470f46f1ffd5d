import { newId } from '@smm/domain';
import type { SqlLike } from '../sql-like.ts';

/**
 * Every action an activity row can record: the one list (the admin's activity views filter by
 * these words; they are persisted, so never rename one).
 */
export const ACTIVITY = {
  orderCreated: 'order.created',
  orderCreatedManual: 'order.created_manual',
  orderForwardRequested: 'order.forward_requested',
  orderResend: 'order.resend',
  orderForwarded: 'order.forwarded',
  orderForwardRetry: 'order.forward_retry',
  orderForwardDeferred: 'order.forward_deferred',
  orderForwardRequeued: 'order.forward_requeued',
  orderForwardStaleReply: 'order.forward_stale_reply',
  orderNeedsReview: 'order.needs_review',
  orderRejected: 'order.rejected',
  orderStatusChanged: 'order.status_changed',
  orderCanceled: 'order.canceled',
  orderUpdated: 'order.updated',
  orderProviderOrderAttached: 'order.provider_order_attached',
  orderSettled: 'order.settled',
  orderProviderCancel: 'order.provider_cancel',
  orderCancelRequested: 'order.cancel_requested',
  orderCancelRequeued: 'order.cancel_requeued',
  orderCancelNeedsReview: 'order.cancel_needs_review',
  refillRequested: 'refill.requested',
  refillRequeued: 'refill.requeued',
  refillNeedsReview: 'refill.needs_review',
  providerCreated: 'provider.created',
  providerUpdated: 'provider.updated',
  providerDeleted: 'provider.deleted',
  providerDeactivated: 'provider.deactivated',
  providerChecked: 'provider.checked',
  providerCheckFailed: 'provider.check_failed',
  providerServicesImported: 'provider.services_imported',
  userUpdated: 'user.updated',
  depositSubmitted: 'deposit.submitted',
  depositApproved: 'deposit.approved',
  depositRejected: 'deposit.rejected',
  paymentMethodCreated: 'payment_method.created',
  paymentMethodUpdated: 'payment_method.updated',
  paymentMethodDeleted: 'payment_method.deleted',
} as const;
export type ActivityAction = (typeof ACTIVITY)[keyof typeof ACTIVITY] | RequestAction;

/** A refill's or a cancel request's new state, as its activity action (`refill.processing`, `order.cancel_sent`). */
export type RequestAction = `refill.${string}` | `order.cancel_${string}` | `balance.${string}`;
export const requestAction = {
  refill: (status: string): RequestAction => `refill.${status}`,
  cancel: (status: string): RequestAction => `order.cancel_${status}`,
  balance: (kind: string): RequestAction => `balance.${kind}`,
};

export interface ActivityRecord {
  action: ActivityAction;
  message?: string | null;
  actorId?: string | null;
  orderId?: string | null;
  userId?: string | null;
  providerId?: string | null;
  providerOrderId?: string | null;
  /** What the provider answered (already scrubbed of secrets), or what was sent. */
  providerResponse?: unknown;
}

/** One activity row. Batched writers build theirs in the same statement as the change they record. */
export async function recordActivity(sql: SqlLike, e: ActivityRecord): Promise<void> {
  await sql`
    insert into activity_log (id, actor_id, order_id, user_id, provider_id, provider_order_id, action, message,
                              provider_response)
    values (${newId('activity')}, ${e.actorId ?? null}, ${e.orderId ?? null}, ${e.userId ?? null},
            ${e.providerId ?? null}, ${e.providerOrderId ?? null}, ${e.action}, ${e.message ?? null},
            ${e.providerResponse === undefined ? null : JSON.stringify(e.providerResponse)}::jsonb)`;
}
