import { newId } from '@smm/domain';
import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { insertSandboxProvider } from './admin-fixtures.ts';
import { bearer, seedUser, startGateway } from './harness.ts';
import { startWorkers } from './worker-fixtures.ts';

// Customer orders with extras, sent on by the real forwarder to the sandbox provider: what the
// provider received is what the customer asked for.
const sandbox = await startSandbox();
afterAll(() => sandbox.close());
const t = await useTestDatabase();
const { sql } = t;
const gw = await startGateway(t);
await startWorkers(t, gw);
const c = await insertSandboxProvider(sql, gw.deps.secretBox, sandbox);
const comments = newId('service');
const drip = newId('service');
// The sandbox's default catalog: service 4 is Custom Comments, service 3 a drip-feed service.
await sql`insert into services (id, name, category_id, provider_id, provider_service_id, type, rate, rate_usd, min_order, max_order, dripfeed, mode)
          values (${comments}, 'IG comments', ${c.categoryId}, ${c.providerId}, '4', 'Custom Comments', '10', '0.1', 1, 100, false, 'auto'),
                 (${drip}, 'YT views drip', ${c.categoryId}, ${c.providerId}, '3', 'Default', '2', '0.02', 100, 100000, true, 'auto')`;
const headers = bearer(gw.app.issueToken({ id: await seedUser(sql, { balance: '1000' }), role: 'user' }));

/** Places one line, then waits (bounded) until the forwarder has it at the provider. */
async function placedAtProvider(line: object): Promise<number> {
  const res = await gw.app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers,
    payload: { categoryId: c.categoryId, ...line },
  });
  expect(res.statusCode, res.body).toBe(201);
  const orderId = res.json().orderIds[0] as string;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [o] = await sql<{ status: string; providerOrderId: string | null; lastError: string | null }[]>`
      select status, provider_order_id as "providerOrderId", last_error as "lastError" from orders where id = ${orderId}`;
    if (o?.providerOrderId) return Number(o.providerOrderId);
    if (Date.now() > deadline) throw new Error(`not forwarded: ${JSON.stringify(o)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the forwarder sends the extras of customer orders', () => {
  it('Custom Comments: the provider gets the comment lines (it counts them as the quantity)', async () => {
    const link = 'https://instagram.com/p/fwd-comments';
    const id = await placedAtProvider({ serviceId: comments, link, qty: 3, comments: 'one\n two \n\nthree' });
    // The sandbox refuses a comments add without comments, and sizes it by their line count.
    expect(sandbox.order(id)).toMatchObject({ service: 4, link, quantity: 3 });
    expect(sandbox.addCalls(link)).toEqual({ total: 1, accepted: 1 });
  });

  it('drip-feed: the provider gets quantity per run, runs and interval', async () => {
    const link = 'https://youtube.com/watch?v=fwd-drip';
    const id = await placedAtProvider({ serviceId: drip, link, qty: 150, runs: 4, interval: 30 });
    expect(sandbox.order(id)).toMatchObject({ service: 3, link, quantity: 600 });
    expect(sandbox.state.book.get(id)).toMatchObject({ runs: 4, interval: 30 });
  });
});
