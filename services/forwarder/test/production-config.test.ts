import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createSecretBox } from '@smm/db';
import { newId } from '@smm/domain';
import { createProducerConnection, forwardJobId, Producer, waitForRedis } from '@smm/queue';
import { startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, goodProductionSecrets, runUntilExit, startUntil, testPrefix } from '@smm/testkit';
import { itRefusesWeakSecrets, testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.ts';
import { createOrders, insertUser, orderRow, uniqueLink } from './fixtures.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const t = await useTestDatabase();
const { SECRETS_KEY, METRICS_TOKEN } = goodProductionSecrets();
const production = { NODE_ENV: 'production', SECRETS_KEY, METRICS_TOKEN };
describe('forwarder configuration in production', () => {
  it('starts with good secrets: https-only providers, metrics behind the token', () => {
    const config = loadConfig(production);
    expect(config.secretsKey.toString('hex')).toBe(SECRETS_KEY);
    expect(config.previousSecretsKey).toBeUndefined();
    expect(config.metricsToken).toBe(METRICS_TOKEN);
    expect(config.settings.allowInsecureProviderUrls).toBe(false);
  });

  // The secrets the forwarder reads; the gateway's own (JWT_SECRET, ADMIN_PASSWORD) are not its business.
  itRefusesWeakSecrets(loadConfig, production, ['SECRETS_KEY', 'METRICS_TOKEN']);

  it('takes SECRETS_KEY_PREVIOUS for the rows not yet rotated', () => {
    const previous = randomBytes(32).toString('hex');
    expect(
      loadConfig({ ...production, SECRETS_KEY_PREVIOUS: previous }).previousSecretsKey?.toString('hex'),
    ).toBe(previous);
  });
});

describe('the forwarder process in production', () => {
  it('exits 1 with one clear line for a key of one repeated byte, never printing it', async () => {
    const weak = 'ab'.repeat(32);
    const res = await runUntilExit(MAIN, { ...production, SECRETS_KEY: weak, DATABASE_URL: t.url });
    expect(res.code).toBe(1);
    const lines = res.stderr.split('\n').filter((l) => /^\s+- /.test(l));
    expect(lines).toEqual([expect.stringMatching(/^\s+- SECRETS_KEY: is one byte repeated.*secrets:new/)]);
    expect(res.stderr + res.stdout).not.toContain(weak);
  });

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

    // A provider row still under the old key: the rotation has not reached it yet.
    const oldKey = randomBytes(32);
    const providerId = newId('provider');
    const categoryId = newId('category');
    const serviceId = newId('service');
    await t.sql`insert into categories (id, name) values (${categoryId}, 'Followers')`;
    await t.sql`insert into api_providers (id, name, api_url, api_key_enc)
                values (${providerId}, 'Sandbox', ${sandbox.apiUrl}, ${createSecretBox(oldKey).encrypt(sandbox.apiKey)})`;
    await t.sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd,
                                      min_order, max_order, mode)
                values (${serviceId}, 'IG followers', ${categoryId}, ${providerId}, '1', '25', '0.2', 10, 100000, 'auto')`;
    const user = await insertUser(t.sql, '100.000000');
    const [order] = await createOrders(t.sql, { categoryId, serviceId, providerId }, user, [
      uniqueLink('rotating'),
    ]);

    const fwd = await startUntil(
      MAIN,
      {
        ...production,
        SECRETS_KEY_PREVIOUS: oldKey.toString('hex'),
        DATABASE_URL: t.url,
        REDIS_URL: testRedisUrl(),
        BULL_PREFIX: prefix,
        HOST: '127.0.0.1',
        PORT: '0',
        // The sandbox speaks http; production refuses that unless told (docker compose's demo profile).
        ALLOW_INSECURE_PROVIDER_URLS: 'true',
        LOG_LEVEL: 'info',
      },
      /"msg":"forwarder started"/,
    );
    try {
      const port = Number(/"port":(\d+)[^\n]*"msg":"forwarder started"/.exec(fwd.output())?.[1]);
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const scraped = await fetch(`${url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(scraped.status).toBe(200);

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
