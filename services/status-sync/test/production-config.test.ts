import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createSecretBox } from '@smm/db';
import { newId } from '@smm/domain';
import { ProviderClient } from '@smm/provider-client';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, goodProductionSecrets, runUntilExit, startUntil, testPrefix } from '@smm/testkit';
import { itRefusesWeakSecrets, testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.ts';
import { insertUser, orderRow, placeOrder, type TestProvider } from './helpers.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const t = await useTestDatabase();
const { SECRETS_KEY, METRICS_TOKEN } = goodProductionSecrets();
const production = { NODE_ENV: 'production', SECRETS_KEY, METRICS_TOKEN };
describe('status-sync configuration in production', () => {
  it('starts with good secrets: https-only providers, metrics behind the token', () => {
    const config = loadConfig(production);
    expect(config.secretsKey.toString('hex')).toBe(SECRETS_KEY);
    expect(config.previousSecretsKey).toBeUndefined();
    expect(config.metricsToken).toBe(METRICS_TOKEN);
    expect(config.allowInsecureProviderUrls).toBe(false);
  });

  // The secrets status-sync reads; the gateway's own (JWT_SECRET, ADMIN_PASSWORD) are not its business.
  itRefusesWeakSecrets(loadConfig, production, ['SECRETS_KEY', 'METRICS_TOKEN']);
});

describe('the status-sync process in production', () => {
  it('exits 1 with one clear line for the old all-zero compose key, never printing it', async () => {
    const zeros = '0'.repeat(64);
    const res = await runUntilExit(MAIN, { ...production, SECRETS_KEY: zeros, DATABASE_URL: t.url });
    expect(res.code).toBe(1);
    const lines = res.stderr.split('\n').filter((l) => /^\s+- /.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^\s+- SECRETS_KEY: is a published placeholder.*secrets:new/),
    ]);
    expect(res.stderr + res.stdout).not.toContain(zeros);
  });

  it('starts with good ones, polls a provider whose key is still under SECRETS_KEY_PREVIOUS, and guards /metrics', async () => {
    const prefix = testPrefix('syncprod');
    const sandbox = await startSandbox({ durationMs: 3_600_000 });
    afterAll(async () => {
      await sandbox.close();
      await deletePrefix(testRedisUrl(), prefix);
    });
    const oldKey = randomBytes(32);
    const provider: TestProvider = {
      providerId: newId('provider'),
      categoryId: newId('category'),
      serviceId: newId('service'),
      sandbox,
      client: new ProviderClient({ apiUrl: sandbox.apiUrl, apiKey: sandbox.apiKey }),
    };
    await t.sql`insert into categories (id, name) values (${provider.categoryId}, 'Followers')`;
    await t.sql`insert into api_providers (id, name, api_url, api_key_enc)
                values (${provider.providerId}, 'Sandbox', ${sandbox.apiUrl},
                        ${createSecretBox(oldKey).encrypt(sandbox.apiKey)})`;
    await t.sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd,
                                      min_order, max_order)
                values (${provider.serviceId}, 'IG followers', ${provider.categoryId}, ${provider.providerId},
                        '1', '100', '1', 10, 100000)`;
    const userId = await insertUser(t.sql, '10.000000');
    const order = await placeOrder(t.sql, provider, userId, {
      link: 'https://ig.example/rotating',
      quantity: 100,
      price: '0.100000',
    });

    const sync = await startUntil(
      MAIN,
      {
        ...production,
        SECRETS_KEY_PREVIOUS: oldKey.toString('hex'),
        DATABASE_URL: t.url,
        REDIS_URL: testRedisUrl(),
        BULL_PREFIX: prefix,
        HOST: '127.0.0.1',
        PORT: '0',
        SYNC_INTERVAL_MS: '1000',
        // The sandbox speaks http; production refuses that unless told (docker compose's demo profile).
        ALLOW_INSECURE_PROVIDER_URLS: 'true',
        LOG_LEVEL: 'info',
      },
      /"msg":"status-sync started"/,
    );
    try {
      const port = Number(/"port":(\d+)[^\n]*"msg":"status-sync started"/.exec(sync.output())?.[1]);
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const scraped = await fetch(`${url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(scraped.status).toBe(200);

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
