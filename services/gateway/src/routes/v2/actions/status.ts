import { type OrderStatus, subMoney, toProviderWord } from '@smm/domain';
import type { ResellerStatusRow } from '../../../repositories/order-reads.ts';
import type { V2Action, V2Context } from '../context.ts';
import { idList, V2_ERROR, V2Error } from '../params.ts';

type Row = ResellerStatusRow;

/**
 * `charge` is what the order costs the reseller now: price − refunds (a Partial's refund or a
 * cancel's lower it), which is what a panel reports and what the reseller's own margin needs.
 * `remains`: the provider's count once known; before that the whole quantity (× runs), none for a
 * Completed order nobody counted.
 */
function entry(o: Row) {
  const remains = o.remains ?? (o.status === 'completed' ? '0' : o.units);
  return {
    charge: subMoney(o.price, o.refunded),
    start_count: o.startCount ?? '0',
    status: toProviderWord(o.status as OrderStatus),
    remains,
    currency: o.currency,
  };
}

async function load(app: V2Context['app'], userId: string, ids: string[]): Promise<Map<string, Row>> {
  const rows = await app.repos.orders.resellerStatuses(userId, ids);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Single `order` → one status; `orders` (≤ 100) → keyed by id, unknown or other users' ids as errors. */
export const statusAction: V2Action = async ({ app, reseller, params }) => {
  if (params.orders !== undefined) {
    const ids = idList(params.orders, V2_ERROR.order);
    const found = await load(app, reseller.id, ids);
    return Object.fromEntries(
      ids.map((id) => {
        const o = found.get(id);
        return [id, o ? entry(o) : { error: V2_ERROR.order }];
      }),
    );
  }
  const id = params.order?.trim();
  const o = id ? (await load(app, reseller.id, [id])).get(id) : undefined;
  if (!o) throw new V2Error(V2_ERROR.order);
  return entry(o);
};
