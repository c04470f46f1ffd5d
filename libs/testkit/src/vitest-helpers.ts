import { afterAll, expect, inject, it } from 'vitest';
import { type ProductionSecret, WEAK_SECRET_CASES } from './production-secrets.ts';
import './provided-context.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

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
