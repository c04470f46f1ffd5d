import { deliveredCharge } from '../money-format.ts';
import type { Order, OrderView } from './order.ts';

/** Where an order stands at `now`, computed on read so that no order ever needs a timer. */
export function orderAt(order: Order, now: number): OrderView {
  const { quantity, startCount } = order;
  if (now >= order.finishAt) {
    return {
      status: order.finalStatus,
      remains: order.finalRemains,
      startCount,
      charge: finalCharge(order),
    };
  }
  if (now < order.startAt) {
    return { status: 'Pending', remains: quantity, startCount, charge: order.charge };
  }
  if (order.finishAt === Number.POSITIVE_INFINITY) {
    // Stuck In progress: frozen at the chosen remains.
    return { status: 'In progress', remains: order.finalRemains, startCount, charge: order.charge };
  }
  const target = quantity - Math.max(0, order.finalRemains);
  const share = (now - order.startAt) / (order.finishAt - order.startAt);
  const delivered = Math.floor(target * share);
  return { status: 'In progress', remains: quantity - delivered, startCount, charge: order.charge };
}

export function finalCharge(order: Order): string {
  if (order.finalStatus === 'Canceled') return '0';
  if (order.finalStatus === 'Partial') {
    const remains = Math.min(Math.max(order.finalRemains, 0), order.quantity);
    return deliveredCharge(order.charge, order.quantity - remains, order.quantity);
  }
  return order.charge;
}
