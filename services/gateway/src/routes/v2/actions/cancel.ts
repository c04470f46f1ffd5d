import { parsePublicNumber } from '@smm/domain';
import { CANCEL_REFUSAL, requestCancel } from '../../../use-cases/cancel-requests.ts';
import type { V2Action, V2Context } from '../context.ts';
import { echo, numberList, numbersOf, V2_ERROR, V2Error } from '../params.ts';

async function cancelOne(ctx: V2Context, orderId: string | undefined): Promise<1 | { error: string }> {
  if (orderId === undefined) return { error: V2_ERROR.order };
  const r = await requestCancel(ctx.app.deps.db.sql, ctx.app.deps.producer, ctx.log, {
    userId: ctx.reseller.id,
    orderId,
  });
  return r.ok ? 1 : { error: CANCEL_REFUSAL[r.refusal] };
}

/**
 * `orders` (numbers) → `[{"order": 23501, "cancel": 1 | {"error"}}]`; single `order` → `{"cancel": 1}`.
 * `1` means the cancel was accepted: done at once for an order not yet sent, else asked of the
 * provider — the status then shows Canceled (or Partial) when the provider has stopped, with the refund.
 */
export const cancelAction: V2Action = async (ctx) => {
  const { params, app, reseller } = ctx;
  if (params.orders !== undefined) {
    const list = numberList(params.orders, V2_ERROR.order);
    const ids = await app.repos.orders.idsByNumber(reseller.id, numbersOf(list));
    const out = [];
    for (const e of list) {
      const id = e.number === null ? undefined : ids.get(e.number);
      out.push({ order: echo(e), cancel: await cancelOne(ctx, id) });
    }
    return out;
  }
  const number = parsePublicNumber(params.order);
  const id =
    number === null ? undefined : (await app.repos.orders.idsByNumber(reseller.id, [number])).get(number);
  const r = await cancelOne(ctx, id);
  if (r !== 1) throw new V2Error(r.error);
  return { cancel: 1 };
};
