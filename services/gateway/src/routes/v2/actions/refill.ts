import { parsePublicNumber } from '@smm/domain';
import { REFILL_REFUSAL, refillWord, requestRefill } from '../../../use-cases/refill-requests.ts';
import type { V2Action, V2Context } from '../context.ts';
import { echo, numberList, numbersOf, V2_ERROR, V2Error } from '../params.ts';

async function refillOne(
  ctx: V2Context,
  orderId: string | undefined,
): Promise<{ refill: number } | { error: string }> {
  if (orderId === undefined) return { error: V2_ERROR.order };
  const r = await requestRefill(ctx.app.deps.db.sql, ctx.app.deps.producer, ctx.log, {
    userId: ctx.reseller.id,
    orderId,
  });
  return r.ok ? { refill: r.refillNumber } : { error: REFILL_REFUSAL[r.refusal] };
}

/** Single `order` (a number) → `{"refill": 88}`; `orders` → `[{"order": 23501, "refill": 88 | {"error"}}]`. */
export const refillAction: V2Action = async (ctx) => {
  const { params, app, reseller } = ctx;
  if (params.orders !== undefined) {
    const list = numberList(params.orders, V2_ERROR.order);
    const ids = await app.repos.orders.idsByNumber(reseller.id, numbersOf(list));
    const out = [];
    for (const e of list) {
      const r = await refillOne(ctx, e.number === null ? undefined : ids.get(e.number));
      out.push({ order: echo(e), refill: 'refill' in r ? r.refill : r });
    }
    return out;
  }
  const number = parsePublicNumber(params.order);
  const id =
    number === null ? undefined : (await app.repos.orders.idsByNumber(reseller.id, [number])).get(number);
  const r = await refillOne(ctx, id);
  if ('error' in r) throw new V2Error(r.error);
  return r;
};

/** Single `refill` (a number) → `{"status"}`; `refills` → `[{"refill": 88, "status": word | {"error"}}]`. */
export const refillStatusAction: V2Action = async ({ app, reseller, params }) => {
  const load = async (numbers: number[]) => {
    const rows = await app.repos.refills.statuses(reseller.id, numbers);
    return new Map(rows.map((r) => [r.number, refillWord(r.status)]));
  };
  if (params.refills !== undefined) {
    const list = numberList(params.refills, V2_ERROR.refillNotFound);
    const found = await load(numbersOf(list));
    return list.map((e) => ({
      refill: echo(e),
      status: (e.number === null ? undefined : found.get(e.number)) ?? { error: V2_ERROR.refillNotFound },
    }));
  }
  const number = parsePublicNumber(params.refill);
  const status = number === null ? undefined : (await load([number])).get(number);
  if (status === undefined) throw new V2Error(V2_ERROR.refillNotFound);
  return { status };
};
