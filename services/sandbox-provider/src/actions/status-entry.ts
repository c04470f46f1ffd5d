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
  return {
    charge: numOut(ctx, formatMoney(view.charge)),
    start_count: numOut(ctx, view.startCount),
    status,
    remains: ctx.quirks.has('unknown-remains') ? 'Unknown' : numOut(ctx, remains),
    currency: ctx.state.settings.currency,
  };
}
