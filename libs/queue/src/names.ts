// Queue, job and scheduler names are persisted in Redis: renaming one orphans live jobs.
export const QUEUE = {
  orderForward: 'order-forward',
  statusSync: 'status-sync',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUE);

export const SCHEDULER = {
  statusSweep: 'status-sweep',
  repairStuck: 'repair-stuck',
  refillSync: 'refill-sync',
  idempotencyPurge: 'idempotency-purge',
} as const;
export const SCHEDULER_IDS: readonly string[] = Object.values(SCHEDULER);

export function forwardJobId(orderId: string, round: number): string {
  return `fwd-${orderId}-${round}`;
}

export function forwardRefillJobId(refillId: string): string {
  return `frf-${refillId}`;
}

export function forwardCancelJobId(orderId: string): string {
  return `fcn-${orderId}`;
}
