import type { OrderStatus } from './order-status.ts';

/**
 * Allowed moves. SQL guards use `allowedSources(to)` (`UPDATE … WHERE status = ANY($allowed)`),
 * so a retried job or a second worker can never apply a move twice.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  // pending → processing/in_progress/completed/partial: manual orders fulfilled or settled by an admin.
  pending: ['submitting', 'processing', 'in_progress', 'completed', 'partial', 'canceled'],
  submitting: ['processing', 'pending', 'canceled', 'needs_review'],
  // → partial/completed: an admin settles an order the provider finished in a way no rule may refund.
  needs_review: ['processing', 'pending', 'canceled', 'partial', 'completed'],
  // in_progress → processing: some providers report Pending again after In progress.
  // → needs_review: a finish without readable remains, or an order the provider keeps not knowing.
  processing: ['in_progress', 'completed', 'partial', 'canceled', 'needs_review'],
  in_progress: ['processing', 'completed', 'partial', 'canceled', 'needs_review'],
  completed: [],
  partial: [],
  canceled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function allowedSources(to: OrderStatus): OrderStatus[] {
  return (Object.keys(ORDER_TRANSITIONS) as OrderStatus[]).filter((from) => canTransition(from, to));
}

export class InvalidTransitionError extends Error {
  constructor(from: OrderStatus, to: OrderStatus) {
    super(`order cannot move from ${from} to ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}
