import { fileURLToPath } from 'node:url';
import { ProviderClient } from '@smm/provider-client';
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
import { insertUser, orderRow, placeOrder, type TestProvider } from './helpers.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const t = await useTestDatabase();
const production = describeWorkerInProduction({
  name: 'status-sync',
  main: MAIN,
  databaseUrl: t.url,
  loadConfig,
  allowsInsecureProviderUrls: (c) => c.allowInsecureProviderUrls,
  weakKey: {
    what: 'the old all-zero compose key',
    key: '0'.repeat(64),
    line: /^\s+- SECRETS_KEY: is a published placeholder.*secrets:new/,
  },
});
const { SECRETS_KEY, METRICS_TOKEN } = production;

describe('the status-sync process in production', () => {
  it('starts with good ones, polls a provider whose key is still under SECRETS_KEY_PREVIOUS, and guards /metrics', async () => {
    const prefix = testPrefix('syncprod');
    const sandbox = await startSandbox({ durationMs: 3_600_000 });
    afterAll(async () => {
      await sandbox.close();
      await deletePrefix(testRedisUrl(), prefix);
    });
    const sealed = await seedProviderUnderOldKey(t.sql, sandbox, { rate: '100', rateUsd: '1' });
    const provider: TestProvider = {
      ...sealed,
      sandbox,
      client: new ProviderClient({ apiUrl: sandbox.apiUrl, apiKey: sandbox.apiKey }),
    };
    const userId = await insertUser(t.sql, '10.000000');
    const order = await placeOrder(t.sql, provider, userId, {
      link: 'https://ig.example/rotating',
      quantity: 100,
      price: '0.100000',
    });

    const { proc: sync } = await startGuardedWorker(
      MAIN,
      'status-sync',
      {
        ...production,
        SECRETS_KEY_PREVIOUS: sealed.oldKey.toString('hex'),
        DATABASE_URL: t.url,
        REDIS_URL: testRedisUrl(),
        BULL_PREFIX: prefix,
        SYNC_INTERVAL_MS: '1000',
        // The sandbox speaks http; production refuses that unless told (docker compose's demo profile).
        ALLOW_INSECURE_PROVIDER_URLS: 'true',
      },
      METRICS_TOKEN,
    );
    try {
      // The sweep runs on start; the batch opens the key with the previous key and polls the sandbox.
      await expect
        .poll(async () => (await orderRow(t.sql, order.orderId)).providerStatus, { timeout: 15_000 })
        .toMatch(/Pending|In progress|Processing/);
      expect((await orderRow(t.sql, order.orderId)).lastError).toBeNull();
      expect(sync.output()).not.toContain(SECRETS_KEY);
    } finally {
      expect(await sync.stop()).toBe(0);
    }
  });
});
