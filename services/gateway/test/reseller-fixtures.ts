import type { SqlLike } from '@smm/db';
import type { FastifyInstance } from 'fastify';
import { bearer, seedUser } from './harness.ts';

export interface Reseller {
  userId: string;
  token: string;
  key: string;
}

/** A funded user with a fresh reseller key (through the customer API, as a reseller gets one). */
export async function reseller(
  app: FastifyInstance,
  sql: SqlLike,
  opts: { balance?: string; currency?: 'BDT' | 'USD' } = {},
): Promise<Reseller> {
  const userId = await seedUser(sql, { balance: opts.balance ?? '100', currency: opts.currency ?? 'USD' });
  const token = app.issueToken({ id: userId, role: 'user' });
  const res = await app.inject({ method: 'POST', url: '/api/user/api-key', headers: bearer(token) });
  if (res.statusCode !== 200) throw new Error(`no api key: ${res.body}`);
  return { userId, token, key: (res.json() as { apiKey: string }).apiKey };
}

/** POST /api/v2 form-encoded, as nearly every panel sends it. */
export function v2Form(app: FastifyInstance, params: Record<string, string | number>) {
  return app.inject({
    method: 'POST',
    url: '/api/v2',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString(),
  });
}

export function v2Json(app: FastifyInstance, params: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v2', payload: params });
}

/** Invariant: for every user, balance = Σ ledger. */
export async function ledgerMatchesBalance(sql: SqlLike, userId: string): Promise<boolean> {
  const [r] = await sql<{ ok: boolean }[]>`
    select (select balance from users where id = ${userId}) =
           (select coalesce(sum(amount), 0) from ledger where user_id = ${userId}) as ok`;
  return r!.ok;
}

export async function balanceOf(sql: SqlLike, userId: string): Promise<string> {
  const [r] = await sql<{ balance: string }[]>`select balance::text from users where id = ${userId}`;
  return r!.balance;
}
