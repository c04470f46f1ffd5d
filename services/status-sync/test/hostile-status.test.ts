import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ledgerBalance } from '@smm/db';
import type { RunningSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { startCannedServer } from '../../../libs/provider-client/test/canned-server.ts';
import {
  buildInstance,
  chargeOrder,
  insertProvider,
  insertUser,
  orderRow,
  refundsOf,
  testConfig,
} from './helpers.ts';

/** Status replies from a hostile provider (from a hostile review): no refund the rule does not give. */
const t = await useTestDatabase();
const { sql } = t;
const redisUrl = testRedisUrl();
const prefix = testPrefix('sync-attack');
const config = testConfig(t.url, redisUrl, prefix, { SYNC_MAX_ORDER_ERRORS: '3' });
const canned = await startCannedServer();
const provider = await insertProvider(sql, config, { apiUrl: canned.url, apiKey: 'k-1' } as RunningSandbox);
const service = buildInstance(config);
const userId = await insertUser(sql, '1000.000000');

afterAll(async () => {
  await service.close();
  await canned.close();
  await deletePrefix(redisUrl, prefix);
});

let nextId = 7000;
async function live(opts: { quantity?: number; price?: string; status?: string } = {}) {
  const orderId = await chargeOrder(sql, provider, userId, {
    link: `https://ig.example/${nextId}`,
    quantity: opts.quantity ?? 1000,
    price: opts.price ?? '1.000000',
  });
  const providerOrderId = String(nextId++);
  await sql`update orders set provider_order_id = ${providerOrderId}, status = ${opts.status ?? 'processing'},
            provider_id = ${provider.providerId}, submitted_at = now(), submit_attempts = 1 where id = ${orderId}`;
  return { orderId, providerOrderId };
}
const unbackoff = () =>
  sql`update api_providers set sync_backoff_until = null, sync_failures = 0 where id = ${provider.providerId}`;
const sync = async (...orderIds: string[]) => {
  await unbackoff();
  return service.run.batch({ providerId: provider.providerId, orderIds });
};
async function balanced() {
  const lb = await ledgerBalance(sql, userId);
  expect(lb.balance).toBe(lb.ledgerSum);
}

describe('status replies from a hostile provider', () => {
  it('a status for an id we did not ask about changes nothing (keyed and list)', async () => {
    const o = await live();
    const other = await live();
    canned.reply({
      body: JSON.stringify({ [other.providerOrderId]: { status: 'Canceled', remains: '1000' } }),
    });
    await sync(o.orderId);
    canned.reply({
      body: JSON.stringify([{ order: other.providerOrderId, status: 'Canceled', remains: 1000 }]),
    });
    await sync(o.orderId);
    expect((await orderRow(sql, other.orderId)).status).toBe('processing');
    expect(await refundsOf(sql, other.orderId)).toEqual([]);
    expect((await orderRow(sql, o.orderId)).status).toBe('processing');
    await balanced();
  });

  it('Partial with remains larger than quantity refunds at most the price, once', async () => {
    const o = await live({ price: '2.000000' });
    canned.reply({
      body: JSON.stringify({
        [o.providerOrderId]: { status: 'Partial', remains: '999999999999', charge: '-5' },
      }),
    });
    await sync(o.orderId);
    await sync(o.orderId);
    expect((await refundsOf(sql, o.orderId)).map((r) => r.amount)).toEqual(['2.000000']);
    await balanced();
  });

  it('"Refunded", remains "Unknown", huge charge: canceled, one full refund, batch not failed', async () => {
    const o = await live({ status: 'in_progress' });
    canned.reply({
      body: JSON.stringify({
        [o.providerOrderId]: { status: ' refunded ', remains: 'Unknown', charge: '1e400' },
      }),
    });
    await sync(o.orderId);
    expect((await orderRow(sql, o.orderId)).status).toBe('canceled');
    expect((await refundsOf(sql, o.orderId)).map((r) => r.amount)).toEqual(['1.000000']);
    await balanced();
  });

  it('a provider that answers a one-order batch with a top-level "Incorrect order ID": counted on that order, review after SYNC_MAX_ORDER_ERRORS', async () => {
    const o = await live();
    canned.reply({ body: '{"error":"Incorrect order ID"}' });
    for (let i = 0; i < 5; i++) {
      await unbackoff(); // as if the backoff had run out
      await sync(o.orderId);
    }
    const [row] = await sql`select status, sync_errors from orders where id = ${o.orderId}`;
    expect(row).toEqual({ status: 'needs_review', sync_errors: expect.any(Number) });
  });
});

describe('one unknown id poisons its batch', () => {
  it('a provider that refuses the whole multi-status when one id is unknown: the other order still settles, the unknown one reaches review', async () => {
    // The provider knows only `known`; asked about any unknown id it answers a top-level error.
    let known = '';
    const srv = http.createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => {
        const ids = (new URLSearchParams(b).get('orders') ?? '').split(',');
        res.setHeader('content-type', 'application/json');
        if (ids.some((i) => i !== known)) return res.end('{"error":"Incorrect order ID"}');
        res.end(JSON.stringify({ [known]: { status: 'Canceled', remains: '1000', charge: '0' } }));
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/api/v2`;
    const p2 = await insertProvider(sql, config, { apiUrl: url, apiKey: 'k-2' } as RunningSandbox);
    const mk = async (pid: string) => {
      const orderId = await chargeOrder(sql, p2, userId, {
        link: `https://ig.example/p-${pid}`,
        quantity: 1000,
        price: '1.000000',
      });
      await sql`update orders set provider_order_id = ${pid}, status = 'processing', provider_id = ${p2.providerId},
                submitted_at = now(), submit_attempts = 1 where id = ${orderId}`;
      return orderId;
    };
    known = '9101';
    const good = await mk('9101');
    const gone = await mk('9102'); // deleted at the provider
    for (let i = 0; i < 6; i++) {
      await sql`update api_providers set sync_backoff_until = null where id = ${p2.providerId}`;
      await service.run.batch({ providerId: p2.providerId, orderIds: [good, gone] });
    }
    const rows = await sql`select id, status, sync_errors from orders where id = any(${[good, gone]})`;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    srv.close();
    expect({
      good: byId[good].status,
      gone: byId[gone].status,
      goodRefunds: (await refundsOf(sql, good)).length,
    }).toEqual({
      good: 'canceled',
      gone: 'needs_review',
      goodRefunds: 1,
    });
  });
});
