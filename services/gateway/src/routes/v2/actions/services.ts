import { displayRate } from '@smm/domain';
import { listActiveCatalog } from '../../../use-cases/active-catalog.ts';
import type { V2Action } from '../context.ts';

/**
 * The active catalog priced in the key owner's currency, in the architecture.md#provider-api shape. `service` is our own id
 * (`svc_…`): SMM clients, ours included, take ids as strings, and a numeric alias would be a second
 * identity to keep stable. min/max are strings as most panels send them.
 */
export const servicesAction: V2Action = async ({ app, reseller }) => {
  const rows = await listActiveCatalog(app.deps.db.sql);
  return rows.map((s) => ({
    service: s.id,
    name: s.name,
    type: s.type,
    category: s.categoryName,
    rate: displayRate({ type: s.type, rate: s.rate, rateUSD: s.rateUSD }, reseller),
    min: String(s.min),
    max: String(s.max),
    refill: s.refill,
    cancel: s.cancel,
    dripfeed: s.dripfeed,
  }));
};
