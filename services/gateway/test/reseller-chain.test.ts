import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { insertSandboxProvider } from './admin-fixtures.ts';
import { bearer, seedUser, startGateway } from './harness.ts';
import { balanceOf, ledgerMatchesBalance, reseller } from './reseller-fixtures.ts';
import { startWorkers } from './worker-fixtures.ts';

// Panel B: a provider for other panels over /api/v2, itself forwarding to the sandbox.
const sandbox = await startSandbox({
  outcomes: [
    { match: { linkIncludes: 'partial-157' }, status: 'Partial', remains: 157 },
    { match: { linkIncludes: 'hold' }, status: 'Pending' },
  ],
});
afterAll(() => sandbox.close());
const tB = await useTestDatabase();
const gwB = await startGateway(tB);
const workersB = await startWorkers(tB, gwB);
const catB = await insertSandboxProvider(tB.sql, gwB.deps.secretBox, sandbox);
await tB.sql`update services set refill = true, cancel = true where id = ${catB.autoServiceId}`;
const resellerB = await reseller(gwB.app, tB.sql, { balance: '100', currency: 'USD' });
await gwB.app.listen({ port: 0, host: '127.0.0.1' });
const address = gwB.app.server.address();
const bUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v2`;

// Panel A: B is its provider, reached with the project's own provider client.
const tA = await useTestDatabase();
const gwA = await startGateway(tA);
const workersA = await startWorkers(tA, gwA);
const adminA = bearer(gwA.app.issueToken({ id: await seedUser(tA.sql, { role: 'admin' }), role: 'admin' }));
const customerA = await seedUser(tA.sql, { balance: '100', currency: 'USD' });
const tokenA = bearer(gwA.app.issueToken({ id: customerA, role: 'user' }));

const created = await gwA.app.inject({
  method: 'POST',
  url: '/api/admin/providers',
  headers: adminA,
  payload: { name: 'Panel B', apiUrl: bUrl, apiKey: resellerB.key },
});
const providerA = (created.json() as { provider: { id: string } }).provider.id;
const imported = await gwA.app.inject({
  method: 'POST',
  url: `/api/admin/providers/${providerA}/import-services`,
  headers: adminA,
  payload: { markupPercent: '20' },
});
const [serviceOnB] = await tB.sql<
  { number: string }[]
>`select number::text from services where id = ${catB.autoServiceId}`;
const [serviceA] = await tA.sql<
  { id: string; categoryId: string; rateUSD: string; refill: boolean; cancel: boolean }[]
>`
  select id, category_id as "categoryId", rate_usd::text as "rateUSD", refill, cancel
  from services where provider_id = ${providerA}
    and provider_service_id = ${serviceOnB!.number}`;

interface Row {
  status: string;
  providerOrderId: string | null;
  price: string;
  remains: number | null;
}
async function row(sql: typeof tA.sql, id: string): Promise<Row> {
  const [r] = await sql<Row[]>`
    select status, provider_order_id as "providerOrderId", price::text, remains::int from orders where id = ${id}`;
  return r!;
}

async function orderOnA(link: string): Promise<string> {
  const res = await gwA.app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: tokenA,
    payload: { categoryId: serviceA!.categoryId, serviceId: serviceA!.id, link, qty: 1000 },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { orderIds: string[] }).orderIds[0]!;
}

/** B's order id behind the number B answered A with (B's /api/v2 speaks public numbers). */
async function idOnB(table: 'orders' | 'refills', number: string): Promise<string> {
  expect(number).toMatch(/^[1-9]\d{3,9}$/);
  const [r] = await tB.sql<
    { id: string }[]
  >`select id from ${tB.sql(table)} where number = ${Number(number)}`;
  return r!.id;
}

/** A's order forwarded to B, and B's forwarded to the sandbox: both processing. Returns B's order id. */
async function forwardedBothWays(orderA: string): Promise<string> {
  await expect.poll(async () => (await row(tA.sql, orderA)).status, { timeout: 10_000 }).toBe('processing');
  const orderB = await idOnB('orders', (await row(tA.sql, orderA)).providerOrderId!);
  await expect.poll(async () => (await row(tB.sql, orderB)).status, { timeout: 10_000 }).toBe('processing');
  return orderB;
}

async function syncBoth(orderA: string, orderB: string): Promise<void> {
  await workersB.statusSync.run.batch({ providerId: catB.providerId, orderIds: [orderB] });
  await workersA.statusSync.run.batch({ providerId: providerA, orderIds: [orderA] });
}

describe('panel A → panel B /api/v2 → sandbox', () => {
  it('A imports B’s catalog over /api/v2 (priced for B’s reseller, flags kept)', () => {
    expect(created.statusCode, created.body).toBe(201);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(serviceA).toEqual(expect.objectContaining({ rateUSD: '1.200000', refill: true, cancel: true }));
  });

  it('an order placed on A completes through B and the sandbox, charged on both panels', async () => {
    const orderA = await orderOnA('https://instagram.com/chain-complete');
    const orderB = await forwardedBothWays(orderA);
    expect(sandbox.addCalls('https://instagram.com/chain-complete')).toEqual({ total: 1, accepted: 1 });
    await syncBoth(orderA, orderB);
    expect(await row(tB.sql, orderB)).toMatchObject({ status: 'completed', price: '1.000000' });
    expect(await row(tA.sql, orderA)).toMatchObject({ status: 'completed', price: '1.200000' });
    expect(await balanceOf(tA.sql, customerA)).toBe('98.800000');
    expect(await balanceOf(tB.sql, resellerB.userId)).toBe('99.000000');
  });

  it('a partial one refunds the undelivered share exactly once on both panels', async () => {
    const orderA = await orderOnA('https://instagram.com/partial-157');
    const orderB = await forwardedBothWays(orderA);
    await syncBoth(orderA, orderB);
    await syncBoth(orderA, orderB);
    expect(await row(tB.sql, orderB)).toMatchObject({ status: 'partial', remains: 157 });
    expect(await row(tA.sql, orderA)).toMatchObject({ status: 'partial', remains: 157 });
    // B: 1.000000 × 157/1000 back; A: 1.200000 × 157/1000 back.
    expect(await balanceOf(tB.sql, resellerB.userId)).toBe('98.157000');
    expect(await balanceOf(tA.sql, customerA)).toBe('97.788400');
    expect(await ledgerMatchesBalance(tA.sql, customerA)).toBe(true);
    expect(await ledgerMatchesBalance(tB.sql, resellerB.userId)).toBe(true);
  });

  it('a refill on A is forwarded to B, by B to the sandbox, and synced back to completed', async () => {
    const orderA = await orderOnA('https://instagram.com/chain-refill');
    const orderB = await forwardedBothWays(orderA);
    await syncBoth(orderA, orderB);
    const res = await gwA.app.inject({
      method: 'POST',
      url: `/api/user/orders/${orderA}/refill`,
      headers: tokenA,
    });
    expect(res.statusCode, res.body).toBe(202);
    const refillA = (res.json() as { refillId: string }).refillId;
    const refill = async (sql: typeof tA.sql, id: string) =>
      (
        await sql<{ status: string; providerRefillId: string | null }[]>`
          select status, provider_refill_id as "providerRefillId" from refills where id = ${id}`
      )[0]!;
    await expect
      .poll(async () => (await refill(tA.sql, refillA)).status, { timeout: 10_000 })
      .toBe('processing');
    const refillB = await idOnB('refills', (await refill(tA.sql, refillA)).providerRefillId!);
    await expect
      .poll(async () => (await refill(tB.sql, refillB)).status, { timeout: 10_000 })
      .toBe('processing');
    expect((await refill(tB.sql, refillB)).providerRefillId).toMatch(/^\d+$/);

    // A asks B first: B still says its refill is open, so A's stays open.
    expect(await workersA.statusSync.run.refills()).toMatchObject({ checked: 1, changed: 0 });
    expect(await workersB.statusSync.run.refills()).toMatchObject({ checked: 1, changed: 1 });
    expect((await refill(tB.sql, refillB)).status).toBe('completed');
    expect(await workersA.statusSync.run.refills()).toMatchObject({ checked: 1, changed: 1 });
    expect((await refill(tA.sql, refillA)).status).toBe('completed');
  });

  it('a cancel on A is forwarded to B and on to the sandbox; both refund in full when synced', async () => {
    const aBefore = await balanceOf(tA.sql, customerA);
    const bBefore = await balanceOf(tB.sql, resellerB.userId);
    const orderA = await orderOnA('https://instagram.com/hold-cancel');
    const orderB = await forwardedBothWays(orderA);
    const res = await gwA.app.inject({
      method: 'POST',
      url: `/api/user/orders/${orderA}/cancel`,
      headers: tokenA,
    });
    expect(res.statusCode, res.body).toBe(202);
    const cancelOf = async (sql: typeof tA.sql, id: string) =>
      (await sql<{ c: string | null }[]>`select cancel_status as c from orders where id = ${id}`)[0]!.c;
    await expect.poll(() => cancelOf(tA.sql, orderA), { timeout: 10_000 }).toBe('sent');
    await expect.poll(() => cancelOf(tB.sql, orderB), { timeout: 10_000 }).toBe('sent');
    await syncBoth(orderA, orderB);
    expect((await row(tB.sql, orderB)).status).toBe('canceled');
    expect((await row(tA.sql, orderA)).status).toBe('canceled');
    expect(await balanceOf(tA.sql, customerA)).toBe(aBefore);
    expect(await balanceOf(tB.sql, resellerB.userId)).toBe(bBefore);
    expect(await ledgerMatchesBalance(tA.sql, customerA)).toBe(true);
    expect(await ledgerMatchesBalance(tB.sql, resellerB.userId)).toBe(true);
  });
});
