import type { Order } from '../orders/order.ts';
import { orderAt } from '../orders/order-progress.ts';
import type { ActionContext, ActionHandler } from './action-context.ts';
import { ERRORS, fail, idOut, MAX_MULTI, ok, parseId, splitList } from './replies.ts';

export const refillAction: ActionHandler = (ctx, params) => {
  if (ctx.quirks.has('actions-invalid')) return fail(ctx, ERRORS.actionInvalid);
  if (params.orders !== undefined) {
    const keys = splitList(params.orders);
    if (keys.length === 0) return fail(ctx, ERRORS.order);
    if (keys.length > MAX_MULTI) return fail(ctx, ERRORS.tooManyOrders);
    return ok(
      keys.map((key) => {
        const id = parseId(key);
        const result = requestRefill(ctx, id);
        const order = id === undefined ? key : idOut(ctx, id);
        return { order, refill: typeof result === 'number' ? idOut(ctx, result) : { error: result.error } };
      }),
    );
  }
  const result = requestRefill(ctx, parseId(params.order));
  if (typeof result !== 'number') return fail(ctx, result.error);
  return ok({ refill: String(result) });
};

export const refillStatusAction: ActionHandler = (ctx, params) => {
  if (params.refills !== undefined) {
    const keys = splitList(params.refills);
    if (keys.length === 0) return fail(ctx, ERRORS.refillNotFound);
    if (keys.length > MAX_MULTI) return fail(ctx, ERRORS.tooManyOrders);
    return ok(
      keys.map((key) => {
        const id = parseId(key);
        const status = refillStatus(ctx, id);
        return {
          refill: id === undefined ? key : idOut(ctx, id),
          status: status ?? { error: ERRORS.refillNotFound },
        };
      }),
    );
  }
  const status = refillStatus(ctx, parseId(params.refill));
  return status ? ok({ status }) : fail(ctx, ERRORS.refillNotFound);
};

function requestRefill(ctx: ActionContext, id: number | undefined): number | { error: string } {
  const order: Order | undefined = id === undefined ? undefined : ctx.state.book.get(id);
  if (!order) return { error: ERRORS.order };
  const service = ctx.state.services.get(order.service);
  if (!service?.refill) return { error: ERRORS.refillDisabled };
  const status = orderAt(order, ctx.now).status;
  if (status !== 'Completed' && status !== 'Partial') return { error: ERRORS.refillNotCompleted };
  return ctx.state.refills.create(order.id, ctx.now, ctx.state.settings.refillDurationMs).id;
}

function refillStatus(ctx: ActionContext, id: number | undefined): string | undefined {
  const refill = id === undefined ? undefined : ctx.state.refills.get(id);
  if (!refill) return undefined;
  const status = ctx.state.refills.statusAt(refill, ctx.now);
  return ctx.quirks.has('lowercase-status') ? status.toLowerCase() : status;
}
