import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SecretName, weakSecretReason } from '@smm/config';
import { createSecretBox } from '@smm/db';
import { newId } from '@smm/domain';
import { runUntilExit } from '@smm/testkit';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const NEW = join(root, 'infra/secrets/src/new-cli.ts');
const ROTATE = join(root, 'infra/secrets/src/rotate-cli.ts');
const t = await useTestDatabase();

function parseEnvLines(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((l) => {
        const i = l.indexOf('=');
        return [l.slice(0, i), l.slice(i + 1)];
      }),
  );
}

describe('npm run secrets:new', () => {
  it('is the root script, and prints fresh .env lines that production accepts', async () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts['secrets:new']).toBe('node infra/secrets/src/new-cli.ts');
    expect(scripts['secrets:rotate']).toBe('node infra/secrets/src/rotate-cli.ts');
    expect(existsSync(NEW) && existsSync(ROTATE)).toBe(true);

    const a = await runUntilExit(NEW, {});
    const b = await runUntilExit(NEW, {});
    expect(a.code).toBe(0);
    const env = parseEnvLines(a.stdout);
    expect(Object.keys(env)).toEqual([
      'POSTGRES_PASSWORD',
      'JWT_SECRET',
      'SECRETS_KEY',
      'ADMIN_PASSWORD',
      'METRICS_TOKEN',
    ]);
    for (const name of ['JWT_SECRET', 'SECRETS_KEY', 'ADMIN_PASSWORD', 'METRICS_TOKEN'] as SecretName[]) {
      expect(weakSecretReason(name, env[name]!)).toBeNull();
    }
    expect(env.POSTGRES_PASSWORD).toMatch(/^[0-9a-f]{48}$/);
    // Fresh every time; the hints are on stderr, so `> .env` keeps only the values.
    expect(parseEnvLines(b.stdout).SECRETS_KEY).not.toBe(env.SECRETS_KEY);
    expect(a.stderr).toMatch(/^# /);
  });
});

async function provider(apiKeyEnc: string, loginPassEnc: string | null = null): Promise<string> {
  const id = newId('provider');
  await t.sql`insert into api_providers (id, name, api_url, api_key_enc, login_pass_enc)
              values (${id}, 'P', 'https://p.example/api/v2', ${apiKeyEnc}, ${loginPassEnc})`;
  return id;
}

async function secretsOf(ids: string[]) {
  return t.sql<{ id: string; apiKeyEnc: string; loginPassEnc: string | null }[]>`
    select id, api_key_enc as "apiKeyEnc", login_pass_enc as "loginPassEnc"
    from api_providers where id = any(${ids}::text[]) order by id`;
}

describe('npm run secrets:rotate', () => {
  const rotate = (env: Record<string, string>) => runUntilExit(ROTATE, { DATABASE_URL: t.url, ...env });

  it('names each missing key on its own line', async () => {
    const res = await rotate({});
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^\s+- SECRETS_KEY: is required: the new key/m);
    expect(res.stderr).toMatch(/^\s+- SECRETS_KEY_PREVIOUS: is required/m);
  });

  it('refuses a weak new key with one line, without printing it', async () => {
    const zeros = '0'.repeat(64);
    const res = await rotate({ SECRETS_KEY: zeros, SECRETS_KEY_PREVIOUS: randomBytes(32).toString('hex') });
    expect(res.code).toBe(1);
    const lines = res.stderr.split('\n').filter((l) => /^\s+- /.test(l));
    expect(lines).toEqual([expect.stringMatching(/^\s+- SECRETS_KEY: is a published placeholder/)]);
    expect(res.stderr).not.toContain(zeros);
  });

  it('moves every provider secret off the old all-zero compose key, once; a second run changes nothing', async () => {
    // The old docker-compose.yml default: what a panel started from it has its secrets under.
    const oldKey = Buffer.alloc(32);
    const newKey = randomBytes(32);
    const old = createSecretBox(oldKey);
    const one = await provider(old.encrypt('key-1'), old.encrypt('pass-1'));
    const two = await provider(old.encrypt('key-2'));
    const ids = [one, two];
    const env = { SECRETS_KEY: newKey.toString('hex'), SECRETS_KEY_PREVIOUS: oldKey.toString('hex') };

    const first = await rotate(env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /3 re-encrypted with the new SECRETS_KEY, 0 already under it \(2 provider\(s\)\)/,
    );
    expect(first.stdout).not.toContain(newKey.toString('hex'));
    const onlyNew = createSecretBox(newKey);
    const rows = await secretsOf(ids);
    const opened = Object.fromEntries(
      rows.map((r) => [
        r.id,
        {
          apiKey: onlyNew.decrypt(r.apiKeyEnc),
          loginPass: r.loginPassEnc && onlyNew.decrypt(r.loginPassEnc),
        },
      ]),
    );
    expect(opened).toEqual({
      [one]: { apiKey: 'key-1', loginPass: 'pass-1' },
      [two]: { apiKey: 'key-2', loginPass: null },
    });
    for (const r of rows) expect(() => old.decrypt(r.apiKeyEnc)).toThrow();

    const second = await rotate(env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 re-encrypted with the new SECRETS_KEY, 3 already under it/);
    expect(await secretsOf(ids)).toEqual(rows);
  });

  it('with a wrong SECRETS_KEY_PREVIOUS changes nothing and says so', async () => {
    const real = randomBytes(32);
    const id = await provider(createSecretBox(real).encrypt('key-3'));
    const before = await secretsOf([id]);
    const res = await rotate({
      SECRETS_KEY: randomBytes(32).toString('hex'),
      SECRETS_KEY_PREVIOUS: randomBytes(32).toString('hex'),
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(id);
    expect(res.stderr).toMatch(/nothing was changed/);
    expect(await secretsOf([id])).toEqual(before);
  });
});
