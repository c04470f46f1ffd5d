import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardResult } from '../src/index.ts';
import { type Catalog, createOrders, insertCatalog, insertUser, orderRow, uniqueLink } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

/** An auto order the forwarder can never send waits for an admin, and says why on the order. */
const t = await useTestDatabase();
const { sql } = t;
let h: Harness;
let userId: string;
beforeAll(async () => {
  h = await startHarness(sql);
  userId = await insertUser(sql, '1000.000000');
});
afterAll(() => h?.close());

describe('an auto order the forwarder can never send', () => {
  for (const [label, reason, breakIt] of [
    [
      'service number removed',
      'the service has no provider service id',
      (c: Catalog) => sql`update services set provider_service_id = null where id = ${c.serviceId}`,
    ],
    [
      'provider removed from the service',
      'the service has no provider',
      (c: Catalog) => sql`update services set provider_id = null where id = ${c.serviceId}`,
    ],
  ] as const) {
    it(`${label}: waits, pending, with the reason on the order; nothing sent`, async () => {
      const c = await insertCatalog(sql, h.sandbox);
      const [o] = await createOrders(sql, c, userId, [uniqueLink('stuck')]);
      await breakIt(c);
      const r = (await (await h.forward(o!.orderId)).waitUntilFinished(h.events, 10_000)) as ForwardResult;
      expect(r).toEqual({ status: 'pending', error: reason });
      expect(await orderRow(sql, o!.orderId)).toMatchObject({
        status: 'pending',
        lastError: reason,
        submitAttempts: 0,
      });
      expect(h.sandbox.addCalls(o!.link).total).toBe(0);
    });
  }
});
