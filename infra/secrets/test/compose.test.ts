import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, PUBLISHED_PLACEHOLDERS } from '@smm/config';
import { loadConfig as forwarderConfig } from '@smm/forwarder';
import { loadConfig as gatewayConfig } from '@smm/gateway';
import { loadConfig as statusSyncConfig } from '@smm/status-sync';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateSecrets } from '../src/generate.ts';

// No Docker engine here: docker-compose.yml is parsed with `yaml` and interpolated the way Compose
// does it (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `$$`).
const root = join(import.meta.dirname, '..', '..', '..');
const TEXT = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const DEMO_ENV = readFileSync(join(root, 'infra/docker/demo.env'), 'utf8');
const SECRETS = [
  'POSTGRES_PASSWORD',
  'JWT_SECRET',
  'SECRETS_KEY',
  'ADMIN_PASSWORD',
  'METRICS_TOKEN',
] as const;
const APP_SERVICES = ['gateway', 'forwarder', 'status-sync'] as const;

class MissingVariable extends Error {}

function interpolate(value: string, env: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '$') {
      out += c;
      continue;
    }
    if (value[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (value[i + 1] !== '{') {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1));
      if (!m) {
        out += c;
        continue;
      }
      out += env[m[0]] ?? '';
      i += m[0].length;
      continue;
    }
    let depth = 1;
    let j = i + 2;
    for (; j < value.length && depth > 0; j++) {
      if (value[j] === '{') depth++;
      if (value[j] === '}') depth--;
    }
    const body = value.slice(i + 2, j - 1);
    i = j - 1;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s.exec(body);
    if (!m) throw new Error(`bad interpolation \${${body}}`);
    const [, name, op, arg = ''] = m;
    const v = env[name!];
    const unset = v === undefined;
    const empty = unset || v === '';
    switch (op) {
      case undefined:
        out += v ?? '';
        break;
      case ':-':
        out += empty ? interpolate(arg, env) : v;
        break;
      case '-':
        out += unset ? interpolate(arg, env) : v;
        break;
      case ':?':
      case '?':
        if (op === ':?' ? empty : unset) {
          throw new MissingVariable(`required variable ${name} is missing a value: ${arg}`);
        }
        out += v;
        break;
      case ':+':
        out += empty ? '' : interpolate(arg, env);
        break;
      case '+':
        out += unset ? '' : interpolate(arg, env);
        break;
    }
  }
  return out;
}

function walk(node: unknown, env: Record<string, string>): unknown {
  if (typeof node === 'string') return interpolate(node, env);
  if (Array.isArray(node)) return node.map((n) => walk(n, env));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, env)]));
  }
  return node;
}

interface Service {
  environment?: Record<string, unknown>;
  profiles?: string[];
  ports?: string[];
  depends_on?: Record<string, unknown>;
}
interface Rendered {
  services: Record<string, Service>;
}

/** `docker compose config`, near enough: YAML with anchors and merge keys resolved, then interpolated. */
function render(env: Record<string, string>): Rendered {
  return walk(parse(TEXT, { merge: true }), env) as Rendered;
}

function envFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.trim() && !l.trimStart().startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** A service's environment as the container sees it: strings, empty meaning unset. */
function containerEnv(r: Rendered, service: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(r.services[service]!.environment ?? {}).map(([k, v]) => [k, String(v)]),
  );
}

const good = generateSecrets();

describe('docker-compose.yml', () => {
  it('refuses to render without each secret (unset or empty), saying how to make one', () => {
    for (const name of SECRETS) {
      for (const env of [
        { ...good, [name]: undefined },
        { ...good, [name]: '' },
      ]) {
        const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >;
        expect(() => render(clean)).toThrow(
          new RegExp(`required variable ${name} is missing a value: .*npm run -s secrets:new`),
        );
      }
    }
    expect(() => render({})).toThrow(MissingVariable);
  });

  it('spells every secret the required way (VAR:?message), never with a default', () => {
    for (const name of SECRETS) {
      const uses = [...TEXT.matchAll(new RegExp(`\\$\\{${name}(?![A-Za-z0-9_])([^}]*)\\}`, 'g'))].map(
        (m) => m[1]!,
      );
      expect(uses.length, name).toBeGreaterThan(0);
      for (const rest of uses) expect(rest, name).toMatch(/^:\?\S.*secrets:new/);
      expect(TEXT).not.toMatch(new RegExp(`\\$${name}\\b`));
    }
  });

  it('keeps no weak default anywhere: no placeholder, no secret with a fallback', () => {
    const defaults = [...TEXT.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?-([^}]*)\}/g)];
    for (const [, name, value] of defaults) {
      expect(SECRETS as readonly string[]).not.toContain(name);
      expect(PUBLISHED_PLACEHOLDERS).not.toContain(value);
    }
    for (const p of PUBLISHED_PLACEHOLDERS) expect(TEXT).not.toContain(p);
    expect(TEXT).not.toMatch(/change-?me/i);
  });

  it('passes the secrets through to the services that use them, and nothing hard-codes one', () => {
    const r = render(good);
    const gateway = containerEnv(r, 'gateway');
    expect(gateway).toMatchObject({
      JWT_SECRET: good.JWT_SECRET,
      SECRETS_KEY: good.SECRETS_KEY,
      ADMIN_PASSWORD: good.ADMIN_PASSWORD,
      METRICS_TOKEN: good.METRICS_TOKEN,
      NODE_ENV: 'production',
    });
    for (const s of ['forwarder', 'status-sync']) {
      expect(containerEnv(r, s)).toMatchObject({
        SECRETS_KEY: good.SECRETS_KEY,
        METRICS_TOKEN: good.METRICS_TOKEN,
        NODE_ENV: 'production',
      });
    }
    expect(containerEnv(r, 'postgres').POSTGRES_PASSWORD).toBe(good.POSTGRES_PASSWORD);
    for (const s of [...APP_SERVICES, 'migrate']) {
      expect(containerEnv(r, s).DATABASE_URL).toBe(
        `postgres://postgres:${good.POSTGRES_PASSWORD}@postgres:5432/smm`,
      );
    }
  });

  it('has production defaults: https-only providers, no self sign-up, loopback-only port, no proxy trust', () => {
    const r = render(good);
    for (const s of APP_SERVICES) expect(containerEnv(r, s).ALLOW_INSECURE_PROVIDER_URLS).toBe('false');
    expect(containerEnv(r, 'gateway')).toMatchObject({ ALLOW_REGISTRATION: 'false', TRUST_PROXY: 'false' });
    expect(r.services.gateway!.ports).toEqual(['127.0.0.1:3000:3000']);
    // An unset previous key reaches the services empty, which they read as unset.
    expect(containerEnv(r, 'gateway').SECRETS_KEY_PREVIOUS).toBe('');
  });

  it('runs the sandbox provider only in the demo profile, which alone allows http provider URLs', () => {
    const r = render(good);
    const withProfiles = Object.entries(r.services).filter(([, s]) => s.profiles !== undefined);
    expect(withProfiles.map(([name, s]) => [name, s.profiles])).toEqual([['sandbox-provider', ['demo']]]);
    for (const s of Object.values(r.services))
      expect(Object.keys(s.depends_on ?? {})).not.toContain('sandbox-provider');

    const demo = envFile(DEMO_ENV);
    expect(demo).toEqual({ COMPOSE_PROFILES: 'demo', ALLOW_INSECURE_PROVIDER_URLS: 'true' });
    const withDemo = render({ ...good, ...demo });
    for (const s of APP_SERVICES) expect(containerEnv(withDemo, s).ALLOW_INSECURE_PROVIDER_URLS).toBe('true');
  });

  it('what it renders from `npm run secrets:new` is what the services accept in production', () => {
    const r = render(good);
    expect(gatewayConfig(containerEnv(r, 'gateway')).allowInsecureProviderUrls).toBe(false);
    expect(forwarderConfig(containerEnv(r, 'forwarder')).settings.allowInsecureProviderUrls).toBe(false);
    expect(statusSyncConfig(containerEnv(r, 'status-sync')).allowInsecureProviderUrls).toBe(false);
  });

  it("the old file's defaults, given by hand, still get through Compose but not past the services", () => {
    const old = {
      POSTGRES_PASSWORD: 'postgres',
      JWT_SECRET: 'change-me-change-me-change-me-change-me',
      SECRETS_KEY: '0'.repeat(64),
      ADMIN_PASSWORD: 'change-me-now',
      METRICS_TOKEN: good.METRICS_TOKEN,
    };
    const r = render(old);
    const issues = (load: () => unknown) => {
      try {
        load();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).issues.map((i) => i.split(':')[0]);
      }
      return [];
    };
    expect(issues(() => gatewayConfig(containerEnv(r, 'gateway')))).toEqual([
      'JWT_SECRET',
      'SECRETS_KEY',
      'ADMIN_PASSWORD',
    ]);
    expect(issues(() => forwarderConfig(containerEnv(r, 'forwarder')))).toEqual(['SECRETS_KEY']);
    expect(issues(() => statusSyncConfig(containerEnv(r, 'status-sync')))).toEqual(['SECRETS_KEY']);
  });
});
