import { addMoney, compareMoney, subMoney } from '@smm/domain';
import { TERMINAL_STATUSES } from '../outcomes.ts';
import { TimeHeap } from './min-heap.ts';
import type { Order } from './order.ts';
import { finalCharge, orderAt } from './order-progress.ts';

/**
 * The panel's books: orders by numeric id, the account balance, and the refunds that fall due
 * when orders end Partial or Canceled. Refunds are settled lazily (a heap by due time) whenever
 * the balance is read or spent, so a hundred thousand orders cost nothing while they run.
 */
export class OrderBook {
  readonly orders = new Map<number, Order>();
  private readonly lastByTarget = new Map<string, number>();
  private readonly refundsDue = new TimeHeap();
  private nextId: number;
  private balanceValue: string;
  private newest: number | undefined;

  constructor(firstOrderId: number, balance: string) {
    this.nextId = firstOrderId;
    this.balanceValue = balance;
  }

  reset(firstOrderId: number, balance: string): void {
    this.orders.clear();
    this.lastByTarget.clear();
    this.refundsDue.clear();
    this.nextId = firstOrderId;
    this.balanceValue = balance;
    this.newest = undefined;
  }

  /** The id of the order stored last, if any. */
  lastId(): number | undefined {
    return this.newest;
  }

  allocateId(): number {
    return this.nextId++;
  }

  get(id: number): Order | undefined {
    return this.orders.get(id);
  }

  /** Debits the order's charge and stores it; the caller checked funds with `canAfford`. */
  insert(order: Order): void {
    this.balanceValue = subMoney(this.balanceValue, order.charge);
    this.orders.set(order.id, order);
    this.newest = order.id;
    this.lastByTarget.set(targetKey(order.service, order.link), order.id);
    if (order.finalStatus === 'Partial' || order.finalStatus === 'Canceled') {
      this.refundsDue.push(order.finishAt, order.id);
    }
  }

  balance(now: number): string {
    this.settle(now);
    return this.balanceValue;
  }

  setBalance(value: string): void {
    this.balanceValue = value;
  }

  canAfford(charge: string, now: number): boolean {
    return compareMoney(this.balance(now), charge) >= 0;
  }

  /** The latest order for this service and link that has not finished yet, if any. */
  activeFor(service: number, link: string, now: number): Order | undefined {
    const id = this.lastByTarget.get(targetKey(service, link));
    const order = id === undefined ? undefined : this.orders.get(id);
    if (!order || TERMINAL_STATUSES.has(orderAt(order, now).status)) return undefined;
    return order;
  }

  /**
   * Stops a running order now: what was delivered stays (Partial), nothing delivered means
   * Canceled. Returns false when the order has already finished.
   */
  cancel(order: Order, now: number): boolean {
    const view = orderAt(order, now);
    if (TERMINAL_STATUSES.has(view.status)) return false;
    const delivered = order.quantity - view.remains;
    order.finalStatus = delivered > 0 ? 'Partial' : 'Canceled';
    order.finalRemains = view.remains;
    order.startAt = Math.min(order.startAt, now);
    order.finishAt = now;
    this.refundsDue.push(now, order.id);
    return true;
  }

  private settle(now: number): void {
    for (let id = this.refundsDue.popDue(now); id !== undefined; id = this.refundsDue.popDue(now)) {
      const order = this.orders.get(id);
      if (!order || order.refunded || now < order.finishAt) continue;
      order.refunded = true;
      const refund = subMoney(order.charge, finalCharge(order));
      this.balanceValue = addMoney(this.balanceValue, refund);
    }
  }
}

function targetKey(service: number, link: string): string {
  return `${service}\n${link}`;
}
