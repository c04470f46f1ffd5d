export const ORDER_STATUS = {
  pending: 'pending',
  submitting: 'submitting',
  needsReview: 'needs_review',
  processing: 'processing',
  inProgress: 'in_progress',
  completed: 'completed',
  partial: 'partial',
  canceled: 'canceled',
} as const;

export type OrderStatus = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS];

export const ORDER_STATUSES = Object.values(ORDER_STATUS) as OrderStatus[];

/**
 * architecture.md#reseller-api: the words customers (and resellers, `toProviderWord`) see. The states an
 * order waits in before a provider has it — being sent, waiting for an admin's review — read as
 * Pending: those are the panel's business, not the customer's.
 */
export const CUSTOMER_STATUS_WORD = {
  pending: 'Pending',
  processing: 'Processing',
  in_progress: 'In progress',
  completed: 'Completed',
  partial: 'Partial',
  canceled: 'Canceled',
} as const satisfies Partial<Record<OrderStatus, string>>;

export type CustomerStatus = keyof typeof CUSTOMER_STATUS_WORD;

export const CUSTOMER_STATUSES = Object.keys(CUSTOMER_STATUS_WORD) as CustomerStatus[];

/** The status a customer sees for an order's status. */
export function customerStatus(status: OrderStatus): CustomerStatus {
  return status === 'submitting' || status === 'needs_review' ? 'pending' : status;
}

/** The order statuses a customer's status stands for (`pending` → pending, submitting, needs_review). */
export function orderStatusesOf(status: CustomerStatus): OrderStatus[] {
  return ORDER_STATUSES.filter((s) => customerStatus(s) === status);
}

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['completed', 'partial', 'canceled'];

/** Statuses the status sync polls the provider for. */
export const ACTIVE_AT_PROVIDER: readonly OrderStatus[] = ['processing', 'in_progress'];

export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * Why an order waits in `needs_review`: each asks the admin for a different decision.
 * - sent_no_answer / ambiguous_reply: the provider may have the order — look it up there, then
 *   attach its id, re-send, or cancel.
 * - duplicate_provider_id: the provider answered an id another order already holds.
 * - unknown_refusal: the provider kept refusing with words no rule knows.
 * - worker_died: a forwarder died during the call.
 * - settle_refund: the provider finished the order in a way no rule may refund (a package Partial,
 *   a Partial without remains): settle it.
 * - sync_errors: the provider kept answering errors for this order's id.
 */
export const REVIEW_KIND = {
  sentNoAnswer: 'sent_no_answer',
  ambiguousReply: 'ambiguous_reply',
  duplicateProviderId: 'duplicate_provider_id',
  unknownRefusal: 'unknown_refusal',
  workerDied: 'worker_died',
  settleRefund: 'settle_refund',
  syncErrors: 'sync_errors',
} as const;
export type ReviewKind = (typeof REVIEW_KIND)[keyof typeof REVIEW_KIND];
export const REVIEW_KINDS = Object.values(REVIEW_KIND) as ReviewKind[];
