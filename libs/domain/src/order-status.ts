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

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['completed', 'partial', 'canceled'];

/** Statuses the status sync polls the provider for. */
export const ACTIVE_AT_PROVIDER: readonly OrderStatus[] = ['processing', 'in_progress'];

export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
