import { displayRate } from '@smm/domain';
import { listActiveCatalog } from '../../../use-cases/active-catalog.ts';
import type { V2Action } from '../context.ts';

/**
 * The active catalog priced in the key owner's currency, in the reference shape: `service` is the
 * service's public number as a JSON number (child panels cast it to int and store it), rate, min and
 * max as strings as most panels send them, `desc` the description ('' when there is none).
 */
export const servicesAction: V2Action = async ({ app, reseller }) => {
  const rows = await listActiveCatalog(app.deps.db.sql);
  return rows.map((s) => ({
    service: s.number,
    name: s.name,
    type: s.type,
    category: s.categoryName,
    rate: displayRate({ type: s.type, rate: s.rate, rateUSD: s.rateUSD }, reseller),
    min: String(s.min),
    max: String(s.max),
    refill: s.refill,
    cancel: s.cancel,
    dripfeed: s.dripfeed,
    desc: s.description ?? '',
  }));
};
