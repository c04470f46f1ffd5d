import { type OrderStatus, parsePublicNumber, subMoney, toProviderWord } from '@smm/domain';
import type { ResellerStatusRow } from '../../../repositories/order-reads.ts';
import type { V2Action, V2Context } from '../context.ts';
import { numberList, numbersOf, V2_ERROR, V2Error } from '../params.ts';

type Row = ResellerStatusRow;

/**
 * The reference shape, numbers as strings. `charge` is what the order costs the reseller now: price −
 * refunds (a Partial's refund or a cancel's lower it), which is what a panel reports and what the
 * reseller's own margin needs. `remains`: the provider's count once known; before that the whole
 * quantity (× runs), none for a Completed order nobody counted.
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

async function load(app: V2Context['app'], userId: string, numbers: number[]): Promise<Map<number, Row>> {
  const rows = await app.repos.orders.resellerStatuses(userId, numbers);
  return new Map(rows.map((r) => [r.number, r]));
}

/**
 * Single `order` (its number) → one status; `orders` (≤ 100 numbers) → keyed by the number as a
 * string, unknown numbers, other users' orders and entries that are no number as errors.
 */
export const statusAction: V2Action = async ({ app, reseller, params }) => {
  if (params.orders !== undefined) {
    const list = numberList(params.orders, V2_ERROR.order);
    const found = await load(app, reseller.id, numbersOf(list));
    return Object.fromEntries(
      list.map((e) => {
        const o = e.number === null ? undefined : found.get(e.number);
        return [e.sent, o ? entry(o) : { error: V2_ERROR.order }];
      }),
    );
  }
  const number = parsePublicNumber(params.order);
  const o = number === null ? undefined : (await load(app, reseller.id, [number])).get(number);
  if (!o) throw new V2Error(V2_ERROR.order);
  return entry(o);
};
