import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '@smm/config';
import {
  deletePrefix,
  goodProductionSecrets,
  runUntilExit,
  startUntil,
  testPrefix,
  WEAK_SECRET_CASES,
} from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const t = await useTestDatabase();
const good = goodProductionSecrets();
const production = { NODE_ENV: 'production', ...good };

function withCase(name: string, value: string | undefined): Record<string, string> {
  const env: Record<string, string> = { ...production };
  if (value === undefined) delete env[name];
  else env[name] = value;
  return env;
}

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
  return [];
}

async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

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
    expect(issuesOf(withoutAdminPassword)).toEqual([]);
  });

  it.each(WEAK_SECRET_CASES)('refuses $name = $value with one line naming it', ({ name, value, why }) => {
    const issues = issuesOf(withCase(name, value));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${name}: `));
    expect(issues[0]).toMatch(why);
    if (value) expect(issues[0]).not.toContain(value);
  });

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
    const res = await runUntilExit(MAIN, { ...base, PORT: String(await freePort()), SECRETS_KEY: zeros });
    expect(res.code).toBe(1);
    const lines = res.stderr.split('\n').filter((l) => /^\s+- /.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^\s+- SECRETS_KEY: is a published placeholder.*secrets:new/),
    ]);
    expect(res.stderr + res.stdout).not.toContain(zeros);
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
