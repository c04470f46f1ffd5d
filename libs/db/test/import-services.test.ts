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
});
