import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { boolFlag, ConfigError, databaseEnv, parseEnv, portEnv, secretsKeyEnv } from '../src/index.ts';

const schema = z.object({ ...databaseEnv, ...portEnv(3000), FLAG: boolFlag(false), ...secretsKeyEnv });

describe('parseEnv', () => {
  it('applies defaults', () => {
    const env = parseEnv('svc', schema, {});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/smm');
    expect(env.FLAG).toBe(false);
  });

  it('parses booleans with stringbool, including 0/1/yes/no', () => {
    expect(parseEnv('svc', schema, { FLAG: 'true' }).FLAG).toBe(true);
    expect(parseEnv('svc', schema, { FLAG: '1' }).FLAG).toBe(true);
    expect(parseEnv('svc', schema, { FLAG: 'no' }).FLAG).toBe(false);
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv('svc', schema, { PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad variable in one readable error without echoing values', () => {
    const secret = 'postgres-password-123';
    try {
      parseEnv('gateway', schema, { PORT: 'abc', FLAG: 'maybe', DATABASE_URL: `mysql://${secret}` });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('Invalid configuration for gateway');
      expect(msg).toContain('PORT');
      expect(msg).toContain('FLAG');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).not.toContain(secret);
    }
  });

  it('validates the secrets key length', () => {
    expect(() => parseEnv('svc', schema, { SECRETS_KEY: 'short' })).toThrow(/SECRETS_KEY/);
    expect(parseEnv('svc', schema, { SECRETS_KEY: 'a'.repeat(64) }).SECRETS_KEY).toBe('a'.repeat(64));
  });
});

describe('resolveSecretsKey', async () => {
  const { resolveSecretsKey } = await import('../src/index.ts');
  it('decodes hex and base64, and uses a fixed development key otherwise', () => {
    // (A key of one repeated byte such as 'ab' × 32 is refused in production: weak-secrets.test.ts.)
    expect(
      resolveSecretsKey({ SECRETS_KEY: '0123456789abcdef'.repeat(4), NODE_ENV: 'production' }, 's'),
    ).toHaveLength(32);
    expect(
      resolveSecretsKey(
        { SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'), NODE_ENV: 'development' },
        's',
      ),
    ).toHaveLength(32);
    const a = resolveSecretsKey({ NODE_ENV: 'development' }, 's');
    expect(a.equals(resolveSecretsKey({ NODE_ENV: 'test' }, 's'))).toBe(true);
  });
  it('refuses to start without a key in production', () => {
    expect(() => resolveSecretsKey({ NODE_ENV: 'production' }, 'gateway')).toThrow(
      /SECRETS_KEY: required in production/,
    );
  });
});
