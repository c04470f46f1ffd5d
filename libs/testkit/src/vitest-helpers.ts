import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { expectRefusedAtStart } from './production-process.ts';
import { goodProductionSecrets, type ProductionSecret, WEAK_SECRET_CASES } from './production-secrets.ts';

import './provided-context.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export {
  expectRefusedAtStart,
  type SealedProvider,
  type StartedWorker,
  seedProviderUnderOldKey,
  startGuardedWorker,
} from './production-process.ts';

/** In a test file: a fresh migrated database, dropped after the file's tests. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'), inject('runId'));
  afterAll(() => db.drop());
  return db;
}

export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** The lines a service's config loader refuses `env` with (its ConfigError's issues); [] when it loads. */
export function configIssues(load: (env: Record<string, string>) => unknown, env: Record<string, string>) {
  try {
    load(env);
  } catch (e) {
    const issues = (e as { issues?: unknown }).issues;
    if (!Array.isArray(issues)) throw e;
    return issues as string[];
  }
  return [];
}

/**
 * One test per weak value of the secrets `names` reads (WEAK_SECRET_CASES): `load` refuses it with one
 * line that names the variable and says why, never showing the value.
 */
export function itRefusesWeakSecrets(
  load: (env: Record<string, string>) => unknown,
  production: Record<string, string>,
  names: readonly ProductionSecret[],
): void {
  const cases = WEAK_SECRET_CASES.filter((c) => names.includes(c.name));
  it.each(cases)('refuses $name = $value with one line naming it', ({ name, value, why }) => {
    const env: Record<string, string> = { ...production };
    if (value === undefined) delete env[name];
    else env[name] = value;
    const issues = configIssues(load, env);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${name}: `));
    expect(issues[0]).toMatch(why);
    if (value) expect(issues[0]).not.toContain(value);
  });
}

interface WorkerSecrets {
  secretsKey: Buffer;
  previousSecretsKey: Buffer | undefined;
  metricsToken: string | undefined;
}

/**
 * What a worker's config loader must do with production secrets: take good ones (https-only
 * providers unless told), refuse each weak one it reads, and take SECRETS_KEY_PREVIOUS for the rows a
 * key rotation has not reached yet. The gateway's own secrets (JWT_SECRET, ADMIN_PASSWORD) are not a
 * worker's business.
 */
export function itReadsWorkerSecrets<C extends WorkerSecrets>(
  load: (env: Record<string, string>) => C,
  production: { NODE_ENV: 'production'; SECRETS_KEY: string; METRICS_TOKEN: string },
  allowsInsecureProviderUrls: (config: C) => boolean,
): void {
  it('starts with good secrets: https-only providers, metrics behind the token', () => {
    const config = load(production);
    expect(config.secretsKey.toString('hex')).toBe(production.SECRETS_KEY);
    expect(config.previousSecretsKey).toBeUndefined();
    expect(config.metricsToken).toBe(production.METRICS_TOKEN);
    expect(allowsInsecureProviderUrls(config)).toBe(false);
  });

  itRefusesWeakSecrets(load, production, ['SECRETS_KEY', 'METRICS_TOKEN']);

  it('takes SECRETS_KEY_PREVIOUS for the rows not yet rotated', () => {
    const previous = randomBytes(32).toString('hex');
    expect(load({ ...production, SECRETS_KEY_PREVIOUS: previous }).previousSecretsKey?.toString('hex')).toBe(
      previous,
    );
  });
}

/** A weak SECRETS_KEY a worker's process must refuse at start, and the line that must say why. */
export interface WeakKeyCase {
  /** How the test names it, e.g. "a key of one repeated byte". */
  what: string;
  key: string;
  line: RegExp;
}

/**
 * A worker's production-configuration suite: its config loader reads the secrets (itReadsWorkerSecrets),
 * and its process refuses a weak SECRETS_KEY at start with one clear line, never printing the key.
 * Returns the production environment the worker's own start test builds on.
 */
export function describeWorkerInProduction<C extends WorkerSecrets>(w: {
  name: string;
  main: string;
  databaseUrl: string;
  loadConfig: (env: Record<string, string>) => C;
  allowsInsecureProviderUrls: (config: C) => boolean;
  weakKey: WeakKeyCase;
}): { NODE_ENV: 'production'; SECRETS_KEY: string; METRICS_TOKEN: string } {
  const { SECRETS_KEY, METRICS_TOKEN } = goodProductionSecrets();
  const production = { NODE_ENV: 'production' as const, SECRETS_KEY, METRICS_TOKEN };
  describe(`${w.name} configuration in production`, () => {
    itReadsWorkerSecrets(w.loadConfig, production, w.allowsInsecureProviderUrls);
  });
  describe(`the ${w.name} process refuses a weak key`, () => {
    it(`exits 1 with one clear line for ${w.weakKey.what}, never printing it`, async () => {
      await expectRefusedAtStart(
        w.main,
        { ...production, SECRETS_KEY: w.weakKey.key, DATABASE_URL: w.databaseUrl },
        w.weakKey.key,
        w.weakKey.line,
      );
    });
  });
  return production;
}
