import { type OrderStatus, subMoney, toProviderWord } from '@smm/domain';
import type postgres from 'postgres';
import type { V2Action } from '../context.ts';
import { idList, V2_ERROR, V2Error } from '../params.ts';

interface Row {
  id: string;
  status: OrderStatus;
  price: string;
  refunded: string;
  currency: string;
  startCount: string | null;
  remains: string | null;
  units: string;
}

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
    status: toProviderWord(o.status),
    remains,
    currency: o.currency,
  };
}

async function load(sql: postgres.Sql, userId: string, ids: string[]): Promise<Map<string, Row>> {
  const rows = await sql<Row[]>`
    select o.id, o.status, o.price::text as price, o.currency, o.start_count::text as "startCount",
           o.remains::text as remains, (o.quantity * coalesce(o.runs, 1))::text as units,
           coalesce((select sum(l.amount) from ledger l where l.order_id = o.id and l.kind = 'refund'), 0)::text
             as refunded
    from orders o
    where o.id = any(${ids}::text[]) and o.user_id = ${userId}`;
  return new Map(rows.map((r) => [r.id, r]));
}

/** Single `order` → one status; `orders` (≤ 100) → keyed by id, unknown or other users' ids as errors. */
export const statusAction: V2Action = async ({ app, reseller, params }) => {
  const { sql } = app.deps.db;
  if (params.orders !== undefined) {
    const ids = idList(params.orders, V2_ERROR.order);
    const found = await load(sql, reseller.id, ids);
    return Object.fromEntries(
      ids.map((id) => {
        const o = found.get(id);
        return [id, o ? entry(o) : { error: V2_ERROR.order }];
      }),
    );
  }
  const id = params.order?.trim();
  const o = id ? (await load(sql, reseller.id, [id])).get(id) : undefined;
  if (!o) throw new V2Error(V2_ERROR.order);
  return entry(o);
};
