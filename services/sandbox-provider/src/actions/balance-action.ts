import { formatMoney } from '../money-format.ts';
import type { ActionHandler } from './action-context.ts';
import { numOut, ok } from './replies.ts';

export const balanceAction: ActionHandler = (ctx) => {
  const balance = numOut(ctx, formatMoney(ctx.state.book.balance(ctx.now)));
  const body = { balance, currency: ctx.state.settings.currency };
  return ok(ctx.quirks.has('status-success') ? { status: 'success', ...body } : body);
};
