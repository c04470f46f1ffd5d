import { displayRate } from '@smm/domain';
import type { V2Action } from '../context.ts';

interface Row {
  id: string;
  name: string;
  type: string;
  category: string;
  rate: string | null;
  rateUSD: string | null;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
}

/**
 * The active catalog priced in the key owner's currency, in the §8 shape. `service` is our own id
 * (`svc_…`): SMM clients, ours included, take ids as strings, and a numeric alias would be a second
 * identity to keep stable. min/max are strings as most panels send them.
 */
export const servicesAction: V2Action = async ({ app, reseller }) => {
  const rows = await app.deps.db.sql<Row[]>`
    select s.id, s.name, s.type, c.name as category, s.rate::text as rate, s.rate_usd::text as "rateUSD",
           s.min_order as min, s.max_order as max, s.refill, s.cancel, s.dripfeed
    from services s join categories c on c.id = s.category_id
    where s.status = 'active' and c.status = 'active'
    order by c.sort_order, c.name, s.name, s.id`;
  return rows.map((s) => ({
    service: s.id,
    name: s.name,
    type: s.type,
    category: s.category,
    rate: displayRate({ type: s.type, rate: s.rate, rateUSD: s.rateUSD }, reseller),
    min: String(s.min),
    max: String(s.max),
    refill: s.refill,
    cancel: s.cancel,
    dripfeed: s.dripfeed,
  }));
};
