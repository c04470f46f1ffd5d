import { CANCEL_REFUSAL, requestCancel } from '../../../use-cases/cancel-requests.ts';
import type { V2Action, V2Context } from '../context.ts';
import { idList, V2_ERROR, V2Error } from '../params.ts';

async function cancelOne(ctx: V2Context, orderId: string): Promise<1 | { error: string }> {
  const r = await requestCancel(ctx.app.deps.db.sql, ctx.app.deps.producer, ctx.log, {
    userId: ctx.reseller.id,
    orderId,
  });
  return r.ok ? 1 : { error: CANCEL_REFUSAL[r.refusal] };
}

/**
 * `orders` → `[{"order", "cancel": 1 | {"error"}}]` (single `order` → `{"cancel": 1}`). `1` means the
 * cancel was accepted: done at once for an order not yet sent, else asked of the provider — the
 * status then shows Canceled (or Partial) when the provider has stopped, with the refund.
 */
export const cancelAction: V2Action = async (ctx) => {
  const { params } = ctx;
  if (params.orders !== undefined) {
    const out = [];
    for (const orderId of idList(params.orders, V2_ERROR.order)) {
      out.push({ order: orderId, cancel: await cancelOne(ctx, orderId) });
    }
    return out;
  }
  const r = await cancelOne(ctx, params.order?.trim() ?? '');
  if (r !== 1) throw new V2Error(r.error);
  return { cancel: 1 };
};
