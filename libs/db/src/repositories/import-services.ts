import { dec, newId, roundMoney } from '@smm/domain';
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
}

export interface ImportResult {
  created: number;
  updated: number;
  disabled: number;
  categoriesCreated: number;
}

/**
 * Creates services the provider lists, updates min/max/rates of the ones we have (keyed by provider
 * and provider service id), and disables the ones the provider dropped — in one transaction.
 * Prices are stored in USD (`rate_usd`); the BDT price follows each user's dollar rate.
 */
export async function importProviderServices(
  sql: SqlLike & { begin?: unknown },
  list: ImportableService[],
  opts: ImportOptions,
): Promise<ImportResult> {
  const factor = dec(1).plus(dec(opts.markupPercent).div(100));
  if (factor.lte(0)) throw new RangeError('markupPercent must be above -100');
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

    const rows = list.map((s) => ({
      id: newId('service'),
      name: s.name,
      category_id: opts.categoryId ?? categoryByName.get(s.category)!,
      provider_service_id: s.service,
      type: s.type,
      rate_usd: roundMoney(dec(s.rate).times(factor)),
      provider_rate: roundMoney(s.rate),
      min_order: s.min,
      max_order: Math.max(s.max, s.min),
      refill: s.refill,
      cancel: s.cancel,
      dripfeed: s.dripfeed,
      description: s.description,
    }));

    const upserted = await tx<{ inserted: boolean; changed: boolean }[]>`
      with incoming as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
          id text, name text, category_id text, provider_service_id text, type text, rate_usd numeric,
          provider_rate numeric, min_order int, max_order int, refill boolean, cancel boolean, dripfeed boolean,
          description text)
      ),
      before as (
        select s.provider_service_id, s.rate_usd, s.provider_rate, s.min_order, s.max_order, s.status, s.type
        from services s where s.provider_id = ${opts.providerId}
      )
      insert into services as s (id, name, category_id, provider_id, provider_name, provider_service_id, type,
                                 rate_usd, provider_rate, min_order, max_order, refill, cancel, dripfeed, description)
      select id, name, category_id, ${opts.providerId}, ${provider.name}, provider_service_id, type, rate_usd,
             provider_rate, min_order, max_order, refill, cancel, dripfeed, description
      from incoming
      on conflict (provider_id, provider_service_id) do update set
        rate_usd = excluded.rate_usd,
        provider_rate = excluded.provider_rate,
        min_order = excluded.min_order,
        max_order = excluded.max_order,
        type = excluded.type,
        refill = excluded.refill,
        cancel = excluded.cancel,
        dripfeed = excluded.dripfeed,
        provider_name = excluded.provider_name,
        status = 'active',
        updated_at = now()
      returning (xmax = 0) as inserted,
        exists (select 1 from before b where b.provider_service_id = s.provider_service_id and (
          b.rate_usd is distinct from s.rate_usd or b.provider_rate is distinct from s.provider_rate or
          b.min_order <> s.min_order or b.max_order <> s.max_order or b.status <> 'active' or b.type <> s.type)) as changed`;

    const listed = list.map((s) => s.service);
    const disabled = await tx`
      update services set status = 'inactive', updated_at = now()
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
