import { randomBytes } from 'node:crypto';
import { createSecretBox, type SqlLike } from '@smm/db';
import { newId } from '@smm/domain';
import { expect } from 'vitest';
import { type RunningProcess, runUntilExit, startUntil } from './processes.ts';

/** `main` run with `env` exits 1 with exactly one refusal line matching `line`, never printing `secret`. */
export async function expectRefusedAtStart(
  main: string,
  env: Record<string, string>,
  secret: string,
  line: RegExp,
): Promise<void> {
  const res = await runUntilExit(main, env);
  expect(res.code).toBe(1);
  const lines = res.stderr.split('\n').filter((l) => /^\s+- /.test(l));
  expect(lines).toEqual([expect.stringMatching(line)]);
  expect(res.stderr + res.stdout).not.toContain(secret);
}

export interface StartedWorker {
  proc: RunningProcess;
  url: string;
}

/**
 * Starts a worker's `main` on a free port, waits for its "<name> started" line, and checks what an
 * operator relies on: /healthz open, /metrics refused without `metricsToken` and served with it.
 */
export async function startGuardedWorker(
  main: string,
  name: string,
  env: Record<string, string>,
  metricsToken: string,
): Promise<StartedWorker> {
  const started = new RegExp(`"port":(\\d+)[^\\n]*"msg":"${name} started"`);
  const proc = await startUntil(main, { ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' }, started);
  const url = `http://127.0.0.1:${Number(started.exec(proc.output())?.[1])}`;
  try {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const scraped = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scraped.status).toBe(200);
  } catch (e) {
    await proc.stop();
    throw e;
  }
  return { proc, url };
}

export interface SealedProvider {
  providerId: string;
  categoryId: string;
  serviceId: string;
  /** The key the provider row is sealed with: what SECRETS_KEY_PREVIOUS must hold to open it. */
  oldKey: Buffer;
}

/**
 * A category, a provider row whose API key is still sealed with a previous SECRETS_KEY (a rotation that
 * has not reached it yet), and one auto service on it.
 */
export async function seedProviderUnderOldKey(
  sql: SqlLike,
  provider: { apiUrl: string; apiKey: string },
  service: { rate: string; rateUsd: string },
): Promise<SealedProvider> {
  const oldKey = randomBytes(32);
  const ids = { providerId: newId('provider'), categoryId: newId('category'), serviceId: newId('service') };
  await sql`insert into categories (id, name) values (${ids.categoryId}, 'Followers')`;
  await sql`insert into api_providers (id, name, api_url, api_key_enc)
            values (${ids.providerId}, 'Sandbox', ${provider.apiUrl},
                    ${createSecretBox(oldKey).encrypt(provider.apiKey)})`;
  await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd,
                                  min_order, max_order, mode)
            values (${ids.serviceId}, 'IG followers', ${ids.categoryId}, ${ids.providerId}, '1',
                    ${service.rate}, ${service.rateUsd}, 10, 100000, 'auto')`;
  return { ...ids, oldKey };
}
