import {
  type Decimal,
  dec,
  type MoneyInput,
  newId,
  normalizeServiceType,
  roundMoney,
  unsupportedTypeReason,
} from '@smm/domain';
import type { SqlLike } from '../sql-like.ts';

/** A service as a provider's `services` action lists it (already validated by the provider client). */
export interface ImportableService {
  service: string;
  name: string;
  type: string;
  category: string;
  /** Provider's price per 1000, in the provider's currency (USD for nearly every panel). */
  rate: string;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string | null;
}

export interface ImportOptions {
  providerId: string;
  /** Our price = provider rate × (1 + markup / 100). */
  markupPercent: string;
  /** Put every imported service in this category; else categories are made from the provider's names. */
  categoryId?: string | null;
  /**
   * USD per one unit of the provider's currency (1 for a USD provider): the provider's rates are
   * converted with it before the markup, so a provider billing in BDT or INR is never read as dollars.
   */
  rateToUsd?: string;
}

/** Why a listed service is imported inactive, or null when the panel can sell it. */
export function importBlockReason(s: Pick<ImportableService, 'type'>): string | null {
  return unsupportedTypeReason(s.type);
}

/** 1 + markup / 100: what a provider's rate is multiplied by. At -100 % or less nothing would be charged. */
export function markupFactor(markupPercent: string): Decimal {
  const factor = dec(1).plus(dec(markupPercent).div(100));
  if (factor.lte(0)) throw new RangeError('markupPercent must be above -100');
  return factor;
}

/** A service's two prices per 1000 (Package: per order). */
export interface ServicePrice {
  rateUSD: string;
  rate: string | null;
}

/**
 * The one rule for a price that follows the provider at a markup, used by imports and by an admin
 * setting a service's markup: `rateUSD` = the provider's rate (in USD) × (1 + markup / 100), rounded
 * to 6 places; the BDT `rate`, where the service has one (`before`), moved at the BDT/USD ratio it
 * had — kept as it was when there is no USD rate to take that ratio from. Exact decimals throughout.
 */
export function priceAtMarkup(
  providerRateUsd: MoneyInput,
  markupPercent: string,
  before: { rate: string | null; rateUSD: string | null } | null,
): ServicePrice {
  const rateUSD = roundMoney(dec(providerRateUsd).times(markupFactor(markupPercent)));
  if (!before || before.rate === null) return { rateUSD, rate: null };
  if (before.rateUSD === null || dec(before.rateUSD).isZero()) return { rateUSD, rate: before.rate };
  return { rateUSD, rate: roundMoney(dec(before.rate).times(rateUSD).div(before.rateUSD)) };
}

export const DROPPED_BY_PROVIDER = 'no longer listed by the provider';

export interface ImportResult {
  created: number;
  updated: number;
  disabled: number;
  categoriesCreated: number;
}

/**
 * Creates services the provider lists, updates the ones we have (keyed by provider and provider
 * service id), and disables the ones the provider dropped — in one transaction. What the admin chose
 * is kept: a service an admin disabled stays disabled, a price an admin set (`price_locked`) stays.
 * Prices that follow the provider are recomputed by `priceAtMarkup`: `rate_usd` from the provider's
 * rate (converted to USD, with the markup), and a BDT `rate`, where the service has one, at the same
 * BDT/USD ratio it had.
 * Types the panel cannot send are imported (or turned) inactive with the reason, never sold.
 */
export async function importProviderServices(
  sql: SqlLike & { begin?: unknown },
  list: ImportableService[],
  opts: ImportOptions,
): Promise<ImportResult> {
  markupFactor(opts.markupPercent);
  const toUsd = dec(opts.rateToUsd ?? '1');
  if (toUsd.lte(0)) throw new RangeError('rateToUsd must be positive');
  const run = async (tx: SqlLike): Promise<ImportResult> => {
    const [provider] = await tx<
      { name: string }[]
    >`select name from api_providers where id = ${opts.providerId} for update`;
    if (!provider) throw new RangeError(`no provider ${opts.providerId}`);

    let categoriesCreated = 0;
    const categoryByName = new Map<string, string>();
    if (!opts.categoryId) {
      const names = [...new Set(list.map((s) => s.category))];
      const existing = await tx<{ id: string; name: string }[]>`
        select id, name from categories where name in ${tx(names.length ? names : [''])}`;
      for (const c of existing) categoryByName.set(c.name, c.id);
      for (const name of names) {
        if (categoryByName.has(name)) continue;
        const id = newId('category');
        await tx`insert into categories (id, name) values (${id}, ${name})`;
        categoryByName.set(name, id);
        categoriesCreated++;
      }
    }

    // The prices the services have now (locked with the rows), for the BDT ratio of `priceAtMarkup`.
    const current = await tx<{ psid: string; rate: string | null; rate_usd: string | null }[]>`
      select provider_service_id as psid, rate::text as rate, rate_usd::text as rate_usd
      from services where provider_id = ${opts.providerId} for update`;
    const before = new Map(current.map((r) => [r.psid, { rate: r.rate, rateUSD: r.rate_usd }]));

    const rows = list.map((s) => {
      const usd = dec(s.rate).times(toUsd);
      const type = normalizeServiceType(s.type);
      const price = priceAtMarkup(usd, opts.markupPercent, before.get(s.service) ?? null);
      return {
        id: newId('service'),
        name: s.name,
        category_id: opts.categoryId ?? categoryByName.get(s.category)!,
        provider_service_id: s.service,
        type,
        rate_usd: price.rateUSD,
        rate: price.rate,
        provider_rate: roundMoney(usd),
        min_order: s.min,
        max_order: Math.max(s.max, s.min),
        refill: s.refill,
        cancel: s.cancel,
        dripfeed: s.dripfeed,
        description: s.description,
        blocked: importBlockReason({ type }),
      };
    });

    const upserted = await tx<{ inserted: boolean; changed: boolean }[]>`
      with incoming as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
          id text, name text, category_id text, provider_service_id text, type text, rate_usd numeric,
          rate numeric, provider_rate numeric, min_order int, max_order int, refill boolean, cancel boolean, dripfeed boolean,
          description text, blocked text)
      ),
      before as (
        select s.provider_service_id, s.rate_usd, s.rate, s.provider_rate, s.min_order, s.max_order, s.status, s.type
        from services s where s.provider_id = ${opts.providerId}
      )
      insert into services as s (id, name, category_id, provider_id, provider_name, provider_service_id, type,
                                 rate_usd, rate, provider_rate, min_order, max_order, refill, cancel, dripfeed, description,
                                 status, status_reason)
      select id, name, category_id, ${opts.providerId}, ${provider.name}, provider_service_id, type, rate_usd,
             rate, provider_rate, min_order, max_order, refill, cancel, dripfeed, description,
             case when blocked is null then 'active' else 'inactive' end, blocked
      from incoming
      on conflict (provider_id, provider_service_id) do update set
        -- A price an admin set by hand stays; one that follows the provider moves with it, in USD and,
        -- where the service has a BDT price, in BDT at the ratio it had (priceAtMarkup, above).
        rate_usd = case when s.price_locked then s.rate_usd else excluded.rate_usd end,
        rate = case when s.price_locked then s.rate else excluded.rate end,
        provider_rate = excluded.provider_rate,
        min_order = excluded.min_order,
        max_order = excluded.max_order,
        type = excluded.type,
        refill = excluded.refill,
        cancel = excluded.cancel,
        dripfeed = excluded.dripfeed,
        provider_name = excluded.provider_name,
        -- An admin's "off" wins over the provider listing the service again; a type the panel cannot
        -- send stays off whatever anyone chose.
        status = case when s.disabled_by_admin or excluded.status_reason is not null then 'inactive'
                      else 'active' end,
        status_reason = case when excluded.status_reason is not null then excluded.status_reason
                             when s.disabled_by_admin then s.status_reason
                             else null end,
        updated_at = now()
      returning (xmax = 0) as inserted,
        exists (select 1 from before b where b.provider_service_id = s.provider_service_id and (
          b.rate_usd is distinct from s.rate_usd or b.rate is distinct from s.rate or
          b.provider_rate is distinct from s.provider_rate or b.min_order <> s.min_order or
          b.max_order <> s.max_order or b.status <> s.status or b.type <> s.type)) as changed`;

    const listed = list.map((s) => s.service);
    const disabled = await tx`
      update services set status = 'inactive', status_reason = ${DROPPED_BY_PROVIDER}, updated_at = now()
      where provider_id = ${opts.providerId} and status = 'active'
        and not (provider_service_id = any(${tx.array(listed.length ? listed : [''])}::text[]))
      returning id`;

    return {
      created: upserted.filter((r) => r.inserted).length,
      updated: upserted.filter((r) => !r.inserted && r.changed).length,
      disabled: disabled.length,
      categoriesCreated,
    };
  };
  const root = sql as { begin?: (fn: (tx: SqlLike) => Promise<ImportResult>) => Promise<ImportResult> };
  return typeof root.begin === 'function' ? root.begin(run) : run(sql);
}
