import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { type ImportableService, importProviderServices } from '../src/index.ts';

const t = await useTestDatabase();
const { sql } = t;

async function provider(): Promise<string> {
  const id = newId('provider');
  await sql`insert into api_providers (id, name, api_url, api_key_enc) values (${id}, 'Upstream', 'https://u.example', 'x')`;
  return id;
}
function svc(service: string, over: Partial<ImportableService> = {}): ImportableService {
  return {
    service,
    name: `S${service}`,
    type: 'Default',
    category: 'Instagram Followers',
    rate: '0.90',
    min: 50,
    max: 10000,
    refill: false,
    cancel: true,
    dripfeed: false,
    description: null,
    ...over,
  };
}

describe('importProviderServices', () => {
  it('creates services with the markup and categories by the provider names', async () => {
    const p = await provider();
    const r = await importProviderServices(
      sql,
      [svc('1'), svc('2', { category: 'YouTube Views', rate: '0.0125' })],
      {
        providerId: p,
        markupPercent: '20',
      },
    );
    expect(r).toEqual({ created: 2, updated: 0, disabled: 0, categoriesCreated: 2 });
    const rows =
      await sql`select provider_service_id, rate_usd::text, provider_rate::text, rate, c.name as category
      from services s join categories c on c.id = s.category_id where provider_id = ${p} order by 1`;
    expect(rows).toEqual([
      {
        provider_service_id: '1',
        rate_usd: '1.080000',
        provider_rate: '0.900000',
        rate: null,
        category: 'Instagram Followers',
      },
      {
        provider_service_id: '2',
        rate_usd: '0.015000',
        provider_rate: '0.012500',
        rate: null,
        category: 'YouTube Views',
      },
    ]);
  });

  it('updates changed services, counts only real changes, disables dropped ones, and re-enables returning ones', async () => {
    const p = await provider();
    await importProviderServices(sql, [svc('1'), svc('2'), svc('3')], { providerId: p, markupPercent: '10' });
    const r = await importProviderServices(sql, [svc('1'), svc('2', { min: 100, rate: '1.00' })], {
      providerId: p,
      markupPercent: '10',
    });
    expect(r).toEqual({ created: 0, updated: 1, disabled: 1, categoriesCreated: 0 });
    const [s2] =
      await sql`select min_order, rate_usd::text from services where provider_id = ${p} and provider_service_id = '2'`;
    expect(s2).toEqual({ min_order: 100, rate_usd: '1.100000' });
    const [s3] =
      await sql`select status from services where provider_id = ${p} and provider_service_id = '3'`;
    expect(s3!.status).toBe('inactive');
    const again = await importProviderServices(
      sql,
      [svc('1'), svc('2', { min: 100, rate: '1.00' }), svc('3')],
      {
        providerId: p,
        markupPercent: '10',
      },
    );
    expect(again).toEqual({ created: 0, updated: 1, disabled: 0, categoriesCreated: 0 });
  });

  it('puts everything into a given category', async () => {
    const p = await provider();
    const cat = newId('category');
    await sql`insert into categories (id, name) values (${cat}, 'Mine')`;
    const r = await importProviderServices(sql, [svc('1'), svc('2', { category: 'Other' })], {
      providerId: p,
      markupPercent: '0',
      categoryId: cat,
    });
    expect(r.categoriesCreated).toBe(0);
    const rows = await sql`select distinct category_id from services where provider_id = ${p}`;
    expect(rows).toEqual([{ category_id: cat }]);
  });

  it('imports types the panel cannot send as inactive, with the reason, and keeps them off', async () => {
    const p = await provider();
    await importProviderServices(
      sql,
      [
        svc('1'),
        svc('2', { type: 'Subscriptions' }),
        svc('3', { type: 'poll' }),
        svc('4', { type: 'Custom Comments Package' }),
      ],
      { providerId: p, markupPercent: '0' },
    );
    const rows = await sql<{ id: string; type: string; status: string; reason: string | null }[]>`
      select provider_service_id as id, type, status, status_reason as reason
      from services where provider_id = ${p} order by 1`;
    expect(rows.map((r) => [r.id, r.type, r.status])).toEqual([
      ['1', 'Default', 'active'],
      ['2', 'Subscriptions', 'inactive'],
      ['3', 'Poll', 'inactive'],
      ['4', 'Custom Comments Package', 'active'],
    ]);
    expect(rows[1]!.reason).toMatch(/"Subscriptions" cannot be sent by this panel/);
    // A re-import never turns an unsupported type on, even after an admin switched it on by hand.
    await sql`update services set status = 'active', status_reason = null where provider_id = ${p} and provider_service_id = '2'`;
    await importProviderServices(sql, [svc('1'), svc('2', { type: 'Subscriptions' })], {
      providerId: p,
      markupPercent: '0',
    });
    const [two] =
      await sql`select status from services where provider_id = ${p} and provider_service_id = '2'`;
    expect(two!.status).toBe('inactive');
  });

  it("keeps the admin's choices: a disabled service stays off, a locked price stays; followed prices move in USD and BDT", async () => {
    const p = await provider();
    await importProviderServices(sql, [svc('1'), svc('2'), svc('3')], { providerId: p, markupPercent: '20' });
    // 1: an admin disabled it. 2: an admin set its price by hand. 3: follows the provider, with a BDT price.
    await sql`update services set status = 'inactive', disabled_by_admin = true, status_reason = 'disabled by an admin'
              where provider_id = ${p} and provider_service_id = '1'`;
    await sql`update services set rate_usd = '5.000000', rate = '600.000000', price_locked = true
              where provider_id = ${p} and provider_service_id = '2'`;
    await sql`update services set rate = '129.600000' where provider_id = ${p} and provider_service_id = '3'`;

    await importProviderServices(
      sql,
      [svc('1', { rate: '1.00' }), svc('2', { rate: '1.00' }), svc('3', { rate: '1.00' })],
      { providerId: p, markupPercent: '20' },
    );
    const rows = await sql<
      { id: string; status: string; usd: string; bdt: string | null; provider: string }[]
    >`
      select provider_service_id as id, status, rate_usd::text as usd, rate::text as bdt, provider_rate::text as provider
      from services where provider_id = ${p} order by 1`;
    expect(rows).toEqual([
      { id: '1', status: 'inactive', usd: '1.200000', bdt: null, provider: '1.000000' },
      { id: '2', status: 'active', usd: '5.000000', bdt: '600.000000', provider: '1.000000' },
      // 0.9 → 1.0 at the provider: 1.08 → 1.20 USD, and BDT at the same 120 BDT/USD ratio: 129.6 → 144.
      { id: '3', status: 'active', usd: '1.200000', bdt: '144.000000', provider: '1.000000' },
    ]);
  });

  it("converts a provider's own currency to USD before the markup", async () => {
    const p = await provider();
    // A provider billing in BDT at 0.0083333333 USD per BDT: 108 BDT per 1000 is 0.9 USD.
    await importProviderServices(sql, [svc('1', { rate: '108' })], {
      providerId: p,
      markupPercent: '10',
      rateToUsd: '0.0083333333',
    });
    const [row] =
      await sql`select rate_usd::text as usd, provider_rate::text as provider from services where provider_id = ${p}`;
    expect(row).toEqual({ usd: '0.990000', provider: '0.900000' });
  });

  it('says why a dropped service is off, and turns it back on when the provider lists it again', async () => {
    const p = await provider();
    await importProviderServices(sql, [svc('1'), svc('2')], { providerId: p, markupPercent: '0' });
    await importProviderServices(sql, [svc('1')], { providerId: p, markupPercent: '0' });
    const [off] =
      await sql`select status, status_reason from services where provider_id = ${p} and provider_service_id = '2'`;
    expect(off).toEqual({ status: 'inactive', status_reason: 'no longer listed by the provider' });
    await importProviderServices(sql, [svc('1'), svc('2')], { providerId: p, markupPercent: '0' });
    const [on] =
      await sql`select status, status_reason from services where provider_id = ${p} and provider_service_id = '2'`;
    expect(on).toEqual({ status: 'active', status_reason: null });
  });
});
