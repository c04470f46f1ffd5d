import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigError,
  metricsTokenEnv,
  nodeEnv,
  parseEnv,
  productionSecrets,
  resolveSecretsKey,
  resolveSecretsKeys,
  type SecretName,
  secretsKeyEnv,
  weakSecretReason,
} from '../src/index.ts';

/** Good production values, as `npm run secrets:new` makes them. */
const GOOD = {
  JWT_SECRET: randomBytes(32).toString('hex'),
  SECRETS_KEY: randomBytes(32).toString('hex'),
  ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
  METRICS_TOKEN: randomBytes(24).toString('hex'),
} as const;

/** Every weak value each secret must be refused with in production, and the words of the refusal. */
const WEAK: Array<[SecretName, string, RegExp]> = [
  ['JWT_SECRET', 'change-me-change-me-change-me-change-me', /published placeholder/],
  ['JWT_SECRET', 'a'.repeat(31), /at least 32 bytes/],
  ['JWT_SECRET', 'x'.repeat(48), /one character repeated/],
  ['SECRETS_KEY', '0'.repeat(64), /published placeholder/],
  ['SECRETS_KEY', 'ab'.repeat(32), /one byte repeated/],
  ['SECRETS_KEY', Buffer.alloc(32, 7).toString('base64'), /one byte repeated/],
  ['SECRETS_KEY', 'short', /32 bytes/],
  ['ADMIN_PASSWORD', 'change-me-now', /published placeholder/],
  ['ADMIN_PASSWORD', 'elevenchars', /at least 12 characters/],
  ['ADMIN_PASSWORD', 'zzzzzzzzzzzzzzzz', /one character repeated/],
  ['METRICS_TOKEN', 'm'.repeat(20), /one character repeated/],
  ['METRICS_TOKEN', 'change-me-metrics-token', /published placeholder/],
  ['METRICS_TOKEN', 'short-token', /at least 16 characters/],
];

describe('weakSecretReason', () => {
  it.each(WEAK)('%s %j is weak', (name, value, why) => {
    const reason = weakSecretReason(name, value);
    expect(reason).toMatch(why);
    expect(reason).toContain('npm run secrets:new');
    expect(reason).not.toContain(value);
  });

  it.each(Object.entries(GOOD))('a generated %s is fine', (name, value) => {
    expect(weakSecretReason(name as SecretName, value)).toBeNull();
  });

  it('takes a base64 key too', () => {
    expect(weakSecretReason('SECRETS_KEY', randomBytes(32).toString('base64'))).toBeNull();
  });
});

const schema = z
  .object({
    ...nodeEnv,
    ...secretsKeyEnv,
    ...metricsTokenEnv,
    JWT_SECRET: z.string().optional(),
    ADMIN_PASSWORD: z.string().optional(),
  })
  .superRefine(
    productionSecrets({
      required: ['JWT_SECRET', 'SECRETS_KEY', 'METRICS_TOKEN'],
      optional: ['ADMIN_PASSWORD'],
    }),
  );

function issues(env: Record<string, string>): string[] {
  try {
    parseEnv('svc', schema, env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
}

describe('productionSecrets', () => {
  it('production with good values starts', () => {
    expect(issues({ NODE_ENV: 'production', ...GOOD })).toEqual([]);
  });

  it('names each missing required secret on its own line; an unset optional one is fine', () => {
    const { ADMIN_PASSWORD: _a, ...withoutAdmin } = GOOD;
    expect(issues({ NODE_ENV: 'production', ...withoutAdmin })).toEqual([]);
    const lines = issues({ NODE_ENV: 'production' });
    expect(lines).toHaveLength(3);
    for (const name of ['JWT_SECRET', 'SECRETS_KEY', 'METRICS_TOKEN']) {
      expect(lines.filter((l) => l.startsWith(`${name}: is required in production`))).toHaveLength(1);
    }
  });

  it.each(WEAK)('production refuses %s %j with one line naming it, without the value', (name, value, why) => {
    const lines = issues({ NODE_ENV: 'production', ...GOOD, [name]: value });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name}: `));
    expect(lines[0]).toMatch(why);
    expect(lines[0]).not.toContain(value);
  });

  it('development and tests take any value', () => {
    expect(issues({ NODE_ENV: 'development', JWT_SECRET: 'x', SECRETS_KEY: '0'.repeat(64) })).toEqual([]);
    expect(issues({ NODE_ENV: 'test' })).toEqual([]);
  });
});

describe('resolveSecretsKeys', () => {
  it('refuses a weak SECRETS_KEY in production, and any format error anywhere', () => {
    expect(() => resolveSecretsKey({ NODE_ENV: 'production', SECRETS_KEY: '0'.repeat(64) }, 'svc')).toThrow(
      /SECRETS_KEY: is a published placeholder/,
    );
    expect(() => resolveSecretsKey({ NODE_ENV: 'development', SECRETS_KEY: 'nope' }, 'svc')).toThrow(
      /SECRETS_KEY: must be 32 bytes/,
    );
  });

  it('returns the previous key during a rotation — even a weak one, since it is the key being retired', () => {
    const keys = resolveSecretsKeys(
      { NODE_ENV: 'production', SECRETS_KEY: GOOD.SECRETS_KEY, SECRETS_KEY_PREVIOUS: '0'.repeat(64) },
      'svc',
    );
    expect(keys.current.toString('hex')).toBe(GOOD.SECRETS_KEY);
    expect(keys.previous?.equals(Buffer.alloc(32))).toBe(true);
    expect(
      resolveSecretsKeys({ NODE_ENV: 'production', SECRETS_KEY: GOOD.SECRETS_KEY }, 'svc').previous,
    ).toBeUndefined();
    expect(() => resolveSecretsKeys({ NODE_ENV: 'test', SECRETS_KEY_PREVIOUS: 'not-a-key' }, 'svc')).toThrow(
      /SECRETS_KEY_PREVIOUS: must be 32 bytes/,
    );
  });
});
