import { REFILL_REFUSAL, refillWord, requestRefill } from '../../../use-cases/refill-requests.ts';
import type { V2Action, V2Context } from '../context.ts';
import { idList, V2_ERROR, V2Error } from '../params.ts';

async function refillOne(ctx: V2Context, orderId: string): Promise<{ refill: string } | { error: string }> {
  const r = await requestRefill(ctx.app.deps.db.sql, ctx.app.deps.producer, ctx.log, {
    userId: ctx.reseller.id,
    orderId,
  });
  return r.ok ? { refill: r.refillId } : { error: REFILL_REFUSAL[r.refusal] };
}

/** Single `order` → `{"refill": id}`; `orders` → `[{"order", "refill": id | {"error"}}]`. */
export const refillAction: V2Action = async (ctx) => {
  const { params } = ctx;
  if (params.orders !== undefined) {
    const out = [];
    for (const orderId of idList(params.orders, V2_ERROR.order)) {
      const r = await refillOne(ctx, orderId);
      out.push({ order: orderId, refill: 'refill' in r ? r.refill : r });
    }
    return out;
  }
  const r = await refillOne(ctx, params.order?.trim() ?? '');
  if ('error' in r) throw new V2Error(r.error);
  return r;
};

/** Single `refill` → `{"status"}`; `refills` → `[{"refill", "status": word | {"error"}}]`. */
export const refillStatusAction: V2Action = async ({ app, reseller, params }) => {
  const load = async (ids: string[]) => {
    const rows = await app.repos.refills.statuses(reseller.id, ids);
    return new Map(rows.map((r) => [r.id, refillWord(r.status)]));
  };
  if (params.refills !== undefined) {
    const ids = idList(params.refills, V2_ERROR.refillNotFound);
    const found = await load(ids);
    return ids.map((id) => ({ refill: id, status: found.get(id) ?? { error: V2_ERROR.refillNotFound } }));
  }
  const id = params.refill?.trim() ?? '';
  const status = (await load([id])).get(id);
  if (status === undefined) throw new V2Error(V2_ERROR.refillNotFound);
  return { status };
};
