import type { ActionContext, ActionHandler } from './action-context.ts';
import { ERRORS, fail, idOut, MAX_MULTI, ok, parseId, splitList } from './replies.ts';

/** `orders=1,2` → a list, one entry per id; a single `order` → `{"cancel":1}` or an error. */
export const cancelAction: ActionHandler = (ctx, params) => {
  if (ctx.quirks.has('actions-invalid')) return fail(ctx, ERRORS.actionInvalid);
  if (params.orders !== undefined) {
    const keys = splitList(params.orders);
    if (keys.length === 0) return fail(ctx, ERRORS.order);
    if (keys.length > MAX_MULTI) return fail(ctx, ERRORS.tooManyOrders);
    return ok(
      keys.map((key) => {
        const id = parseId(key);
        const error = cancelOne(ctx, id);
        return { order: id === undefined ? key : idOut(ctx, id), cancel: error ? { error } : 1 };
      }),
    );
  }
  const error = cancelOne(ctx, parseId(params.order));
  return error ? fail(ctx, error) : ok({ cancel: 1 });
};

function cancelOne(ctx: ActionContext, id: number | undefined): string | undefined {
  const order = id === undefined ? undefined : ctx.state.book.get(id);
  if (!order) return ERRORS.order;
  if (!ctx.state.services.get(order.service)?.cancel) return ERRORS.cancelDisabled;
  return ctx.state.book.cancel(order, ctx.now) ? undefined : ERRORS.cancelFinished;
}
