import type { ActionContext, ActionHandler, ActionReply } from './action-context.ts';
import { ERRORS, fail, idOut, MAX_MULTI, ok, parseId, splitList } from './replies.ts';
import { statusEntry } from './status-entry.ts';

export const statusAction: ActionHandler = (ctx, params) => {
  if (params.orders !== undefined) return multiStatus(ctx, params.orders);
  const id = parseId(params.order);
  const order = id === undefined ? undefined : ctx.state.book.get(id);
  if (!order) return fail(ctx, ERRORS.order);
  return ok(statusEntry(ctx, order));
};

function multiStatus(ctx: ActionContext, raw: string): ActionReply {
  const ids = splitList(raw);
  if (ids.length === 0) return fail(ctx, ERRORS.order);
  if (ids.length > MAX_MULTI) return fail(ctx, ERRORS.tooManyOrders);
  const asList = ctx.quirks.has('multi-status-list');
  const bareErrors = ctx.quirks.has('bare-string-errors');
  const keyed: Record<string, unknown> = {};
  const list: unknown[] = [];
  for (const key of ids) {
    const id = parseId(key);
    const order = id === undefined ? undefined : ctx.state.book.get(id);
    if (asList) {
      const orderId = id === undefined ? key : idOut(ctx, id);
      list.push(
        order ? { order: orderId, ...statusEntry(ctx, order) } : { order: orderId, error: ERRORS.order },
      );
    } else if (order) {
      keyed[key] = statusEntry(ctx, order);
    } else {
      keyed[key] = bareErrors ? ERRORS.order : { error: ERRORS.order };
    }
  }
  return ok(asList ? list : keyed);
}
