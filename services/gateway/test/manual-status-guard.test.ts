import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, expect, it } from 'vitest';
import { insertSandboxProvider, orderIn, sessions } from './admin-fixtures.ts';
import { bearer, startGateway } from './harness.ts';
import { startWorkers } from './worker-fixtures.ts';

/**
 * A status set by hand is for manually fulfilled orders: on an auto order still queued it would
 * strand the order (never sent, never polled, "In progress" forever). Found by a hostile review.
 */
const t = await useTestDatabase();
const { sql } = t;
const sandbox = await startSandbox();
afterAll(() => sandbox.close());
const gw = await startGateway(t);
const { app } = gw;
const s = await sessions(app, sql);
const c = await insertSandboxProvider(sql, gw.deps.secretBox, sandbox);

it('PATCH status on a queued auto order is refused (409), nothing changes, and the order is still sent', async () => {
  const link = 'https://instagram.com/auto-patched';
  const orderId = await orderIn(app, sql, s.user, c, { manual: false, link });
  const res = await app.inject({
    method: 'PATCH',
    url: `/api/admin/orders/${orderId}`,
    headers: bearer(s.admin),
    payload: { status: 'in_progress' },
  });
  expect(res.statusCode).toBe(409);
  expect(res.json().error.message).toMatch(/auto-mode order is sent and tracked by the system/);
  expect((await sql`select status from orders where id = ${orderId}`)[0]!.status).toBe('pending');
  await startWorkers(t, gw);
  await expect
    .poll(async () => (await sql`select status from orders where id = ${orderId}`)[0]!.status, {
      timeout: 10_000,
    })
    .toBe('processing');
  expect(sandbox.addCalls(link)).toEqual({ total: 1, accepted: 1 });
});
