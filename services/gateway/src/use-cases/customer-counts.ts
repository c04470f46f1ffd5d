import { CUSTOMER_STATUSES, type CustomerStatus, customerStatus, type OrderStatus } from '@smm/domain';

/** Per-status counts in the customer's words: every customer status present, internal ones folded in. */
export function customerStatusCounts(rows: { status: string; n: number }[]): Record<CustomerStatus, number> {
  const out = Object.fromEntries(CUSTOMER_STATUSES.map((s) => [s, 0])) as Record<CustomerStatus, number>;
  for (const r of rows) out[customerStatus(r.status as OrderStatus)] += Number(r.n);
  return out;
}
