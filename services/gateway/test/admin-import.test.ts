import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { sessions } from './admin-fixtures.ts';
import { bearer, startGateway } from './harness.ts';

/** Importing a provider's services as an operator needs it: currencies, unsupported types, the admin's choices. */
const t = await useTestDatabase();
const { sql } = t;
const { app } = await startGateway(t);
const s = await sessions(app, sql);
const admin = bearer(s.admin);
const call = (method: 'POST' | 'PATCH', url: string, payload: object) =>
  app.inject({ method, url, headers: admin, payload });

const catalog = [
  { service: 1, name: 'Followers', type: 'Default', category: 'IG', rate: '108', min: 10, max: 1000 },
  { service: 2, name: 'Monthly likes', type: 'Subscriptions', category: 'IG', rate: '500', min: 1, max: 100 },
  { service: 3, name: 'Vote', type: 'Poll', category: 'IG', rate: '50', min: 10, max: 1000 },
  {
    service: 4,
    name: 'Comment pack',
    type: 'Custom Comments Package',
    category: 'IG',
    rate: '240',
    min: 1,
    max: 1,
  },
] as const;
const bdtPanel = await startSandbox({ currency: 'BDT', catalog: [...catalog] });
afterAll(() => bdtPanel.close());

async function provider(): Promise<string> {
  const res = await call('POST', '/api/admin/providers', {
    name: 'BDT panel',
    apiUrl: bdtPanel.apiUrl,
    apiKey: bdtPanel.apiKey,
  });
  return (res.json() as { provider: { id: string } }).provider.id;
}
const importFrom = (id: string, markupPercent = '20') =>
  call('POST', `/api/admin/providers/${id}/import-services`, { markupPercent });

describe('import-services', () => {
  it('refuses a provider that bills in another currency until an admin sets its rate to USD; nothing imported', async () => {
    const id = await provider();
    const res = await importFrom(id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/bills in BDT: set its rate to USD/);
    const [n] = await sql`select count(*)::int as n from services where provider_id = ${id}`;
    expect(n!.n).toBe(0);
  });

  it('converts with the rate, imports unsupported types inactive and lists them with the reason', async () => {
    const id = await provider();
    expect(
      (await call('PATCH', `/api/admin/providers/${id}`, { rateToUsd: '0.0083333333' })).statusCode,
    ).toBe(200);
    const res = await importFrom(id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 4, currency: 'BDT', skipped: 0 });
    expect(body.unsupported.map((u: { service: string; type: string }) => [u.service, u.type])).toEqual([
      ['2', 'Subscriptions'],
      ['3', 'Poll'],
    ]);
    const rows = await sql<{ psid: string; status: string; usd: string; reason: string | null }[]>`
      select provider_service_id as psid, status, rate_usd::text as usd, status_reason as reason
      from services where provider_id = ${id} order by 1`;
    // 108 BDT × 0.0083333333 = 0.9 USD at the provider, + 20 % markup.
    expect(rows[0]).toEqual({ psid: '1', status: 'active', usd: '1.080000', reason: null });
    expect(rows.slice(1, 3).map((r) => r.status)).toEqual(['inactive', 'inactive']);
    expect(rows[1]!.reason).toMatch(/cannot be sent by this panel/);
    expect(rows[3]).toMatchObject({ psid: '4', status: 'active' });

    // An admin cannot switch an unsupported type on: it would be sold and sent as something it is not.
    const poll = await sql`select id from services where provider_id = ${id} and provider_service_id = '3'`;
    const on = await call('PATCH', `/api/admin/services/${poll[0]!.id}`, { status: 'active' });
    expect(on.statusCode).toBe(422);
    expect((await sql`select status from services where id = ${poll[0]!.id}`)[0]!.status).toBe('inactive');
  });

  it("re-import keeps the admin's price and the admin's off switch", async () => {
    const id = await provider();
    await call('PATCH', `/api/admin/providers/${id}`, { rateToUsd: '0.0083333333' });
    await importFrom(id);
    const [followers] =
      await sql`select id from services where provider_id = ${id} and provider_service_id = '1'`;
    const [pack] = await sql`select id from services where provider_id = ${id} and provider_service_id = '4'`;
    const priced = await call('PATCH', `/api/admin/services/${followers!.id}`, { rateUSD: '2.5' });
    expect(priced.json()).toMatchObject({ service: { rateUSD: '2.500000', priceLocked: true } });
    const off = await call('PATCH', `/api/admin/services/${pack!.id}`, { status: 'inactive' });
    expect(off.json()).toMatchObject({
      service: { status: 'inactive', disabledByAdmin: true, statusReason: 'disabled by an admin' },
    });

    expect((await importFrom(id, '50')).statusCode).toBe(200);
    const [f] = await sql`select rate_usd::text as usd from services where id = ${followers!.id}`;
    const [p] = await sql`select status from services where id = ${pack!.id}`;
    expect(f!.usd).toBe('2.500000');
    expect(p!.status).toBe('inactive');
  });
});
