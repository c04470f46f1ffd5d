import { fileURLToPath } from 'node:url';
import { createProducerConnection, forwardJobId, Producer, waitForRedis } from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import {
  describeWorkerInProduction,
  seedProviderUnderOldKey,
  startGuardedWorker,
  testRedisUrl,
  useTestDatabase,
} from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.ts';
import { createOrders, insertUser, orderRow, uniqueLink } from './fixtures.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const t = await useTestDatabase();
const production = describeWorkerInProduction({
  name: 'forwarder',
  main: MAIN,
  databaseUrl: t.url,
  loadConfig,
  allowsInsecureProviderUrls: (c) => c.settings.allowInsecureProviderUrls,
  weakKey: {
    what: 'a key of one repeated byte',
    key: 'ab'.repeat(32),
    line: /^\s+- SECRETS_KEY: is one byte repeated.*secrets:new/,
  },
});
const { SECRETS_KEY, METRICS_TOKEN } = production;

describe('the forwarder process in production', () => {
  it('starts with good ones, opens a provider key sealed with SECRETS_KEY_PREVIOUS, and guards /metrics', async () => {
    const prefix = testPrefix('fwdprod');
    const sandbox = await startSandbox();
    const conn = createProducerConnection(testRedisUrl());
    await waitForRedis(conn);
    const producer = new Producer({ connection: conn, prefix });
    afterAll(async () => {
      await producer.close();
      conn.disconnect();
      await sandbox.close();
      await deletePrefix(testRedisUrl(), prefix);
    });

    const provider = await seedProviderUnderOldKey(t.sql, sandbox, { rate: '25', rateUsd: '0.2' });
    const user = await insertUser(t.sql, '100.000000');
    const [order] = await createOrders(t.sql, provider, user, [uniqueLink('rotating')]);

    const { proc: fwd } = await startGuardedWorker(
      MAIN,
      'forwarder',
      {
        ...production,
        SECRETS_KEY_PREVIOUS: provider.oldKey.toString('hex'),
        DATABASE_URL: t.url,
        REDIS_URL: testRedisUrl(),
        BULL_PREFIX: prefix,
        // The sandbox speaks http; production refuses that unless told (docker compose's demo profile).
        ALLOW_INSECURE_PROVIDER_URLS: 'true',
      },
      METRICS_TOKEN,
    );
    try {
      await producer
        .queue('order-forward')
        .add('forward-order', { orderId: order!.orderId }, { jobId: forwardJobId(order!.orderId, 1) });
      await expect
        .poll(async () => (await orderRow(t.sql, order!.orderId)).status, { timeout: 15_000 })
        .toBe('processing');
      expect(fwd.output()).not.toContain(SECRETS_KEY);
      expect(fwd.output()).not.toContain(sandbox.apiKey);
    } finally {
      expect(await fwd.stop()).toBe(0);
    }
  });
});
