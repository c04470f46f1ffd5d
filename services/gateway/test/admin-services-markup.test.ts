import { priceAtMarkup } from '@smm/db';
import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedUser, startGateway } from './harness.ts';

// PATCH /api/admin/services/:id with `markupPercent`: the server prices the service from its
// provider's rate by the import's own rule (priceAtMarkup), exactly, and locks the price.
const t = await useTestDatabase();
const { app } = await startGateway(t);
const cat = await seedCatalog(t.sql);
const admin = app.issueToken({ id: await seedUser(t.sql, { role: 'admin' }), role: 'admin' });
const customer = app.issueToken({ id: await seedUser(t.sql), role: 'user' });

/** An imported service: the provider asks 0.9 USD per 1000; we sell at 1.08 USD (20 %) and 129.6 BDT. */
async function imported(opts: { providerRate?: string | null; rate?: string | null } = {}): Promise<string> {
  const id = newId('service');
  await t.sql`
    insert into services (id, name, category_id, provider_id, provider_service_id, type, rate, rate_usd,
                          provider_rate, min_order, max_order, mode, status)
    values (${id}, 'IG imported', ${cat.catA}, ${cat.providerId}, ${id}, 'Default',
            ${opts.rate === undefined ? '129.6' : opts.rate}, '1.08',
            ${opts.providerRate === undefined ? '0.9' : opts.providerRate}, 10, 10000, 'auto', 'active')`;
  return id;
}

const patch = (id: string, payload: Record<string, unknown>, token = admin) =>
  app.inject({ method: 'PATCH', url: `/api/admin/services/${id}`, headers: bearer(token), payload });

async function stored(id: string) {
  const [row] = await t.sql<
    { rate: string | null; usd: string | null; locked: boolean; name: string; updated: string }[]
  >`select rate::text as rate, rate_usd::text as usd, price_locked as locked, name, updated_at::text as updated
    from services where id = ${id}`;
  return row!;
}

describe('PATCH /api/admin/services/:id with markupPercent', () => {
  it('prices from the provider rate: USD = provider × (1 + markup/100), BDT at the ratio it had; locks it', async () => {
    const id = await imported();
    const res = await patch(id, { markupPercent: '50' });
    expect(res.statusCode, res.body).toBe(200);
    // 0.9 × 1.5 = 1.35 USD; BDT keeps 129.6 / 1.08 = 120 BDT per USD: 162.
    expect(res.json().service).toMatchObject({ rateUSD: '1.350000', rate: '162.000000', priceLocked: true });
    expect(await stored(id)).toMatchObject({ usd: '1.350000', rate: '162.000000', locked: true });
  });

  it('exact decimals, rounded half up to 6 places, the same as an import would price it', async () => {
    const id = await imported({ providerRate: '0.0125', rate: null });
    const res = await patch(id, { markupPercent: '12.5' });
    expect(res.statusCode, res.body).toBe(200);
    // 0.0125 × 1.125 = 0.0140625 → 0.014063; no BDT rate stays none.
    expect(await stored(id)).toMatchObject({ usd: '0.014063', rate: null, locked: true });
    expect(priceAtMarkup('0.0125', '12.5', { rate: null, rateUSD: '1.08' })).toEqual({
      rateUSD: '0.014063',
      rate: null,
    });
  });

  it('takes a number, a zero and a negative markup above -100, with other fields in the same patch', async () => {
    const id = await imported();
    const res = await patch(id, { markupPercent: 0, name: 'IG at cost' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored(id)).toMatchObject({ usd: '0.900000', rate: '108.000000', name: 'IG at cost' });
    expect((await patch(id, { markupPercent: '-10' })).json().service).toMatchObject({
      rateUSD: '0.810000',
      rate: '97.200000',
    });
  });

  it('refuses, naming markupPercent, beside a rate or without a provider rate; nothing changes', async () => {
    const id = await imported();
    const noProvider = await imported({ providerRate: null });
    const before = await stored(id);
    const beforeNoProvider = await stored(noProvider);
    for (const [target, payload] of [
      [id, { markupPercent: '30', rateUSD: '2', name: 'changed' }],
      [id, { markupPercent: '30', rate: '200' }],
      [id, { markupPercent: '30', rate: null }],
      [noProvider, { markupPercent: '30', name: 'changed' }],
    ] as const) {
      const res = await patch(target, payload);
      expect(res.statusCode, res.body).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.details).toEqual([{ field: 'body.markupPercent', message: expect.any(String) }]);
    }
    for (const markupPercent of ['-100', '-250', 'abc', '1e3', '', '12.1234567', 1e-7]) {
      const res = await patch(id, { markupPercent, name: 'changed' });
      expect(res.statusCode, `${markupPercent}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('body.markupPercent');
    }
    expect(await stored(id)).toEqual(before);
    expect(await stored(noProvider)).toEqual(beforeNoProvider);
    expect((await patch(id, { markupPercent: '30' }, customer)).statusCode).toBe(403);
    expect(await stored(id)).toEqual(before);
  });
});
