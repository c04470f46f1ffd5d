import { formatMoney } from '../money-format.ts';
import type { Order } from '../orders/order.ts';
import { orderAt } from '../orders/order-progress.ts';
import type { ActionContext } from './action-context.ts';
import { numOut } from './replies.ts';

/** One order's status as a panel writes it, quirks applied. */
export function statusEntry(ctx: ActionContext, order: Order): Record<string, unknown> {
  const view = orderAt(order, ctx.now);
  let status: string = view.status;
  if (status === 'Canceled' && ctx.quirks.has('cancelled-spelling')) status = 'Cancelled';
  if (ctx.quirks.has('lowercase-status'))
    status = status === 'In progress' ? 'processing' : status.toLowerCase();

  let remains: string | number = view.remains;
  if (view.status === 'Completed' && ctx.quirks.has('negative-remains')) {
    remains = -Math.max(1, Math.ceil(order.quantity * 0.01));
  }
  // Drip-feed orders as some panels report them: runs done and child orders, no remains, no charge.
  if (order.runs !== undefined && ctx.quirks.has('dripfeed-no-remains')) {
    const share = order.quantity > 0 ? (order.quantity - view.remains) / order.quantity : 1;
    return { status, runs: String(Math.round(share * order.runs)), orders: [] };
  }
  // Pending with the defaults some panels fill in: remains "0" (not delivery) and no start count.
  if (view.status === 'Pending' && ctx.quirks.has('pending-remains-zero')) {
    return {
      charge: numOut(ctx, formatMoney(view.charge)),
      start_count: null,
      status,
      remains: numOut(ctx, 0),
      currency: ctx.state.settings.currency,
    };
  }
  return {
    charge: numOut(ctx, formatMoney(view.charge)),
    start_count: numOut(ctx, view.startCount),
    status,
    remains: ctx.quirks.has('unknown-remains') ? 'Unknown' : numOut(ctx, remains),
    currency: ctx.state.settings.currency,
  };
}
