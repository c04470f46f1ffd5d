import { ledgerBalance } from '@smm/db';
import type { TestDatabase } from '@smm/testkit';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { bearer, seedUser } from './harness.ts';

export interface Method {
  id: string;
  name: string;
  currency: 'BDT' | 'USD';
  minAmount: string;
  maxAmount: string;
}

type Headers = Record<string, string>;

/** An admin, customers on demand, and the money-in calls as a client makes them. */
export async function depositHarness(app: FastifyInstance, t: TestDatabase, trxPrefix: string) {
  const { sql } = t;
  const adminId = await seedUser(sql, { role: 'admin' });
  const admin = bearer(app.issueToken({ id: adminId, role: 'admin' }));

  async function customer(opts: { currency?: 'BDT' | 'USD'; dollarRate?: string; balance?: string } = {}) {
    const id = await seedUser(sql, opts);
    return { id, h: bearer(app.issueToken({ id, role: 'user' })) };
  }

  async function createMethod(body: Record<string, unknown> = {}): Promise<Method> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/payment-methods',
      headers: admin,
      payload: {
        name: 'bKash',
        kind: 'mobile_wallet',
        currency: 'BDT',
        account: '01711-000000',
        instructions: 'Send Money to 01711-000000, then submit the TrxID.',
        minAmount: '100',
        maxAmount: '25000',
        ...body,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().paymentMethod as Method;
  }

  /** What one user has in the tables money-in writes. */
  async function written(userId: string) {
    const [row] = await sql<{ deposits: number; ledger: number; balance: string }[]>`
      select (select count(*)::int from deposits where user_id = ${userId}) as deposits,
             (select count(*)::int from ledger where user_id = ${userId}) as ledger,
             (select balance::text from users where id = ${userId}) as balance`;
    return row!;
  }

  let trx = 0;
  return {
    adminId,
    admin,
    customer,
    createMethod,
    written,
    deposit: (h: Headers, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/user/deposits', headers: h, payload }),
    approve: (id: string, payload: Record<string, unknown> = {}, headers: Headers = admin) =>
      app.inject({ method: 'POST', url: `/api/admin/deposits/${id}/approve`, headers, payload }),
    reject: (id: string, reason: string, headers: Headers = admin) =>
      app.inject({ method: 'POST', url: `/api/admin/deposits/${id}/reject`, headers, payload: { reason } }),
    /** Σ ledger = balance for this user. */
    ledgerHolds: async (userId: string) => {
      const l = await ledgerBalance(sql, userId);
      expect(l.ledgerSum).toBe(l.balance);
    },
    /** A fresh wallet-style transaction id. */
    nextTrx: () => `${trxPrefix}${String(++trx).padStart(6, '0')}XQ`,
  };
}
