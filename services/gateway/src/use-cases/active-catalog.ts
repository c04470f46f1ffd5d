import type { SqlLike } from '@smm/db';

/** A service customers and resellers may order, with its own prices (converted per caller). */
export interface ActiveService {
  id: string;
  /** The public number (the v2 API's `service`). */
  number: number;
  name: string;
  categoryId: string;
  categoryName: string;
  type: string;
  rate: string | null;
  rateUSD: string | null;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string | null;
}

/**
 * The orderable catalog: active services in active categories, in display order. One query for the
 * customer listing and the reseller `services` action; provider ids, provider rates and modes stay
 * server-side — they are the panel's business.
 */
export function listActiveCatalog(sql: SqlLike): Promise<ActiveService[]> {
  return sql<ActiveService[]>`
    select s.id, s.number::int as number, s.name, s.category_id as "categoryId", c.name as "categoryName", s.type,
           s.rate::text as rate, s.rate_usd::text as "rateUSD", s.min_order as min, s.max_order as max,
           s.refill, s.cancel, s.dripfeed, s.description
    from services s join categories c on c.id = s.category_id
    where s.status = 'active' and c.status = 'active'
    order by c.sort_order, c.name, s.name, s.id`;
}
