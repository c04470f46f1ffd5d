import type { OrderStatus } from '../outcomes.ts';

/** One accepted order. Its whole future is fixed at creation; what a reader sees depends only on the clock. */
export interface Order {
  id: number;
  service: number;
  link: string;
  quantity: number;
  /** Full cost, 6-decimal string, debited when the order was added. */
  charge: string;
  createdAt: number;
  /** Leaves Pending at this time. */
  startAt: number;
  /** Reaches `finalStatus` at this time (Infinity when stuck). */
  finishAt: number;
  startCount: number;
  finalStatus: OrderStatus;
  finalRemains: number;
  /** Undelivered money went back to the balance. */
  refunded: boolean;
  runs?: number;
  interval?: number;
}

export interface OrderView {
  status: OrderStatus;
  remains: number;
  startCount: number;
  /** What the order costs as of now: full while running, the delivered share once Partial, 0 if Canceled. */
  charge: string;
}
