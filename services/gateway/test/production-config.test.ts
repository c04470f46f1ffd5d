import { fileURLToPath } from 'node:url';
import {
  deletePrefix,
  freePort,
  goodProductionSecrets,
  runUntilExit,
  startUntil,
  testPrefix,
} from '@smm/testkit';
import {
  configIssues,
  expectRefusedAtStart,
  itRefusesWeakSecrets,
  testRedisUrl,
  useTestDatabase,
} from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const t = await useTestDatabase();
const good = goodProductionSecrets();
const production = { NODE_ENV: 'production', ...good };

describe('gateway configuration in production', () => {
  it('starts with good secrets: https-only providers, closed registration, metrics behind the token', () => {
    const config = loadConfig(production);
    expect(config.secretsKey.toString('hex')).toBe(good.SECRETS_KEY);
    expect(config.previousSecretsKey).toBeUndefined();
    expect(config.jwt).toMatchObject({ secret: good.JWT_SECRET, secretGenerated: false });
    expect(config.metricsToken).toBe(good.METRICS_TOKEN);
    expect(config.allowInsecureProviderUrls).toBe(false);
    expect(config.allowRegistration).toBe(false);
    // ADMIN_PASSWORD is only needed to create the first admin.
    const { ADMIN_PASSWORD: _unused, ...withoutAdminPassword } = production;
    expect(configIssues(loadConfig, withoutAdminPassword)).toEqual([]);
  });

  itRefusesWeakSecrets(loadConfig, production, [
    'JWT_SECRET',
    'SECRETS_KEY',
    'ADMIN_PASSWORD',
    'METRICS_TOKEN',
  ]);

  it('takes SECRETS_KEY_PREVIOUS (even the old all-zero default) to open rows not yet rotated', () => {
    const config = loadConfig({ ...production, SECRETS_KEY_PREVIOUS: '0'.repeat(64) });
    expect(config.previousSecretsKey?.equals(Buffer.alloc(32))).toBe(true);
  });
});

describe('the gateway process in production', () => {
  const prefix = testPrefix('gwprod');
  const base = {
    ...production,
    DATABASE_URL: t.url,
    REDIS_URL: testRedisUrl(),
    BULL_PREFIX: prefix,
    RATE_LIMIT_PREFIX: `${prefix}:rl:`,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
  afterAll(() => deletePrefix(testRedisUrl(), prefix));

  it('exits 1 with one clear line for a weak secret, never printing it', async () => {
    const zeros = '0'.repeat(64);
    await expectRefusedAtStart(
      MAIN,
      { ...base, PORT: String(await freePort()), SECRETS_KEY: zeros },
      zeros,
      /^\s+- SECRETS_KEY: is a published placeholder.*secrets:new/,
    );
  });

  it('exits 1 without METRICS_TOKEN', async () => {
    const { METRICS_TOKEN: _drop, ...env } = base;
    const res = await runUntilExit(MAIN, { ...env, PORT: String(await freePort()) });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^\s+- METRICS_TOKEN: is required in production/m);
  });

  it('starts with good ones; /metrics wants the token; SIGTERM stops it cleanly', async () => {
    const port = await freePort();
    const gw = await startUntil(MAIN, { ...base, PORT: String(port) }, /gateway listening on port/);
    try {
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const open = await fetch(`${url}/metrics`);
      expect(open.status).toBe(401);
      expect(open.headers.get('x-content-type-options')).toBe('nosniff');
      const scraped = await fetch(`${url}/metrics`, {
        headers: { authorization: `Bearer ${good.METRICS_TOKEN}` },
      });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('http_request_duration_seconds');
      expect(gw.output()).not.toContain(good.JWT_SECRET);
      expect(gw.output()).not.toContain(good.SECRETS_KEY);
      expect(gw.output()).not.toContain(good.ADMIN_PASSWORD);
    } finally {
      expect(await gw.stop()).toBe(0);
    }
  });
});
