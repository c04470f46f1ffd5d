import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { approveDeposit, createDb, ledgerBalance, rejectDeposit, submitDeposit } from '../src/index.ts';
import { insertUser } from './fixtures.ts';

const t = await useTestDatabase();
const { sql } = t;
const methodId = newId('paymentMethod');
await sql`insert into payment_methods (id, name, kind, currency, account, min_amount, max_amount)
          values (${methodId}, 'bKash', 'mobile_wallet', 'BDT', '01711', 1, 100000)`;

const submit = (userId: string, transactionId: string, amount = '500') =>
  submitDeposit(sql, {
    userId,
    methodId,
    amount,
    transactionId,
    senderNumber: null,
    note: null,
  });

describe('deposits in the database', () => {
  it('one claim per transaction id and method, case and dashes aside, enforced by the index itself', async () => {
    const u = await insertUser(sql, '0');
    expect(await submit(u, 'ABC-123')).toMatchObject({ id: expect.stringMatching(/^dep_/) });
    expect(await submit(u, 'abc-123')).toBe('duplicate');
    await expect(
      sql`insert into deposits (id, user_id, method_id, amount, currency, fee_percent, transaction_id)
          values (${newId('deposit')}, ${u}, ${methodId}, 5, 'BDT', 0, 'Abc123')`,
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('a deposit has at most one ledger row, whatever writes it', async () => {
    const u = await insertUser(sql, '0');
    const d = await submit(u, 'ONE-LEDGER-ROW');
    if (typeof d === 'string' || !('id' in d)) throw new Error(JSON.stringify(d));
    const admin = await insertUser(sql, '0');
    expect(await approveDeposit(sql, { depositId: d.id, actorId: admin })).toEqual({
      balanceAfter: '500.000000',
      creditedAmount: '500.000000',
    });
    await expect(
      sql`insert into ledger (id, user_id, deposit_id, kind, amount, balance_after, currency)
          values (${newId('ledger')}, ${u}, ${d.id}, 'deposit', 500, 1000, 'BDT')`,
    ).rejects.toMatchObject({ code: '23505' });
    expect(await approveDeposit(sql, { depositId: d.id, actorId: admin })).toEqual({ decided: 'approved' });
    expect(await rejectDeposit(sql, { depositId: d.id, reason: 'x', actorId: admin })).toEqual({
      decided: 'approved',
    });
    expect(await approveDeposit(sql, { depositId: newId('deposit'), actorId: admin })).toBe('not-found');
  });

  it('approvals racing on separate connections credit once', async () => {
    const u = await insertUser(sql, '0');
    const admin = await insertUser(sql, '0');
    const d = await submit(u, 'RACE-SEPARATE-CONNS', '123.45');
    if (typeof d === 'string' || !('id' in d)) throw new Error(JSON.stringify(d));
    const clients = Array.from({ length: 8 }, () => createDb(t.url, { max: 1 }));
    try {
      const results = await Promise.all(
        clients.map((c) => approveDeposit(c.sql, { depositId: d.id, actorId: admin })),
      );
      expect(results.filter((r) => typeof r === 'object' && 'balanceAfter' in r)).toHaveLength(1);
      expect(results.filter((r) => typeof r === 'object' && 'decided' in r)).toHaveLength(7);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    expect(await ledgerBalance(sql, u)).toEqual({ balance: '123.450000', ledgerSum: '123.450000' });
  });
});
