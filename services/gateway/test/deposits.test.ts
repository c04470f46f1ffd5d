import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { depositHarness, type Method } from './deposit-fixtures.ts';
import { bearer, seedCatalog, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
const { app } = await startGateway(t);
const { adminId, admin, customer, createMethod, written, deposit, approve, reject, ledgerHolds, nextTrx } =
  await depositHarness(app, t, '9K');

describe('payment methods', () => {
  it('an admin creates, edits, lists and archives them; customers see only active ones, without internals', async () => {
    const nagad = await createMethod({ name: 'Nagad', sortOrder: 2, feePercent: '1.5' });
    const bank = await createMethod({
      name: 'City Bank',
      kind: 'bank',
      account: 'A/C 1234567890, City Bank, Gulshan',
      sortOrder: 1,
      active: false,
    });
    expect(nagad).toMatchObject({
      name: 'Nagad',
      kind: 'mobile_wallet',
      currency: 'BDT',
      minAmount: '100.000000',
      maxAmount: '25000.000000',
      feePercent: '1.50',
      active: true,
      sortOrder: 2,
    });

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/admin/payment-methods/${bank.id}`,
      headers: admin,
      payload: { active: true, account: 'A/C 999, City Bank' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().paymentMethod).toMatchObject({ active: true, account: 'A/C 999, City Bank' });
    const [changed] = await sql`select message from activity_log where action = 'payment_method.updated'`;
    expect(changed!.message).toContain('A/C 1234567890, City Bank, Gulshan → A/C 999, City Bank');

    const c = await customer();
    const mine = await app.inject({ method: 'GET', url: '/api/user/payment-methods', headers: c.h });
    const items = mine.json().items as Record<string, unknown>[];
    const names = items.map((m) => m.name);
    expect(names.indexOf('City Bank')).toBeLessThan(names.indexOf('Nagad'));
    for (const m of items) {
      expect(Object.keys(m).sort()).toEqual(
        [
          'account',
          'currency',
          'feePercent',
          'id',
          'instructions',
          'kind',
          'maxAmount',
          'minAmount',
          'name',
        ].sort(),
      );
    }

    // Archived: gone from both lists; a pending deposit on it can still be decided.
    const d = await deposit(c.h, { methodId: nagad.id, amount: '500', transactionId: nextTrx() });
    expect(d.statusCode).toBe(201);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/admin/payment-methods/${nagad.id}`,
      headers: admin,
    });
    expect(del.json()).toEqual({ success: true, pendingDeposits: true });
    const after = await app.inject({ method: 'GET', url: '/api/user/payment-methods', headers: c.h });
    expect((after.json().items as Method[]).map((m) => m.id)).not.toContain(nagad.id);
    const adminList = await app.inject({ method: 'GET', url: '/api/admin/payment-methods', headers: admin });
    expect((adminList.json().items as Method[]).map((m) => m.id)).not.toContain(nagad.id);
    expect((await approve(d.json().deposit.id)).statusCode).toBe(200);
    const again = await deposit(c.h, { methodId: nagad.id, amount: '500', transactionId: nextTrx() });
    expect(again.statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/admin/payment-methods/${nagad.id}`, headers: admin }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses bad methods with a clear 4xx and writes nothing', async () => {
    const [before] = await sql<{ n: number }[]>`select count(*)::int as n from payment_methods`;
    const bad = async (body: Record<string, unknown>, status: number, code: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/admin/payment-methods',
        headers: admin,
        payload: {
          name: 'X',
          kind: 'mobile_wallet',
          currency: 'BDT',
          account: '017',
          minAmount: '10',
          maxAmount: '20',
          ...body,
        },
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code).toBe(code);
    };
    await bad({ minAmount: '50', maxAmount: '20' }, 422, 'BUSINESS_RULE');
    await bad({ kind: 'crypto' }, 400, 'VALIDATION_ERROR');
    await bad({ feePercent: '100' }, 400, 'VALIDATION_ERROR');
    await bad({ minAmount: '0' }, 400, 'VALIDATION_ERROR');
    await bad({ minAmount: '1.1234567' }, 400, 'VALIDATION_ERROR');
    await bad({ currency: 'EUR' }, 400, 'VALIDATION_ERROR');
    await bad({ account: '' }, 400, 'VALIDATION_ERROR');
    await bad({ internal: true }, 400, 'VALIDATION_ERROR');
    const [after] = await sql<{ n: number }[]>`select count(*)::int as n from payment_methods`;
    expect(after!.n).toBe(before!.n);

    const c = await customer();
    const asCustomer = await app.inject({
      method: 'POST',
      url: '/api/admin/payment-methods',
      headers: c.h,
      payload: { name: 'mine', kind: 'other', currency: 'BDT', account: '1', minAmount: '1', maxAmount: '2' },
    });
    expect(asCustomer.statusCode).toBe(403);
    const m = await createMethod();
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/admin/payment-methods/${m.id}`,
      headers: admin,
      payload: { minAmount: '30000' },
    });
    expect(patch.statusCode).toBe(422);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/admin/payment-methods/${m.id}`,
          headers: admin,
          payload: {},
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('a deposit request', () => {
  it('is pending and moves no money until approved', async () => {
    const m = await createMethod();
    const c = await customer({ balance: '50' });
    const res = await deposit(c.h, {
      methodId: m.id,
      amount: '1500.50',
      transactionId: 'bk8N7A6B5C',
      senderNumber: '+880 1711-222333',
      note: 'for followers',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().deposit).toMatchObject({
      methodId: m.id,
      methodName: 'bKash',
      methodKind: 'mobile_wallet',
      amount: '1500.500000',
      currency: 'BDT',
      transactionId: 'bk8N7A6B5C',
      senderNumber: '+880 1711-222333',
      note: 'for followers',
      status: 'pending',
      creditedAmount: null,
      creditedCurrency: 'BDT',
      decidedAt: null,
    });
    expect(await written(c.id)).toEqual({ deposits: 1, ledger: 1, balance: '50.000000' });
    const list = await app.inject({ method: 'GET', url: '/api/user/deposits', headers: c.h });
    expect(list.json().items).toHaveLength(1);
  });

  it('cannot claim a transaction twice: not in another case or with other dashes, not by another customer, not through another method of the same wallet; another wallet is another transaction', async () => {
    const m = await createMethod();
    const other = await createMethod({ name: 'Rocket', account: '01911-000000' });
    // The same wallet under another method (say, archived and added again) is the same transaction.
    const sameWallet = await createMethod({ name: 'bKash (new)', account: '01711 000000' });
    const a = await customer();
    const b = await customer();
    expect(
      (await deposit(a.h, { methodId: m.id, amount: '500', transactionId: 'TRX-77AB' })).statusCode,
    ).toBe(201);
    for (const [who, method, id] of [
      [a, m, 'TRX-77AB'],
      [a, m, 'trx-77ab'],
      [a, m, 'TRX77AB'],
      [b, m, 'Trx-77aB'],
      [b, m, 'T-RX-77-AB'],
      [b, sameWallet, 'TRX77AB'],
    ] as const) {
      const dup = await deposit(who.h, { methodId: method.id, amount: '600', transactionId: id });
      expect(dup.statusCode, id).toBe(409);
      expect(dup.json().error).toMatchObject({
        code: 'DUPLICATE_TRANSACTION',
        details: { field: 'body.transactionId' },
      });
    }
    expect((await written(b.id)).deposits).toBe(0);
    expect(
      (await deposit(b.h, { methodId: other.id, amount: '500', transactionId: 'TRX-77AB' })).statusCode,
    ).toBe(201);
    // A rejected claim still holds the id: the same transaction is not paid out by a second claim.
    const [first] = await sql<
      { id: string }[]
    >`select id from deposits where transaction_id = 'TRX-77AB' and method_id = ${m.id}`;
    expect((await reject(first!.id, 'not received')).statusCode).toBe(200);
    expect(
      (await deposit(b.h, { methodId: m.id, amount: '500', transactionId: 'TRX-77AB' })).statusCode,
    ).toBe(409);
  });

  it('refuses bad input with a clear 4xx that writes nothing', async () => {
    const m = await createMethod({ minAmount: '100', maxAmount: '25000' });
    const c = await customer();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ amount: '99.99' }, 422, 'AMOUNT_OUT_OF_RANGE', 'body.amount'],
      [{ amount: '25000.01' }, 422, 'AMOUNT_OUT_OF_RANGE', 'body.amount'],
      [{ amount: '0' }, 400, 'VALIDATION_ERROR', 'body.amount'],
      [{ amount: '-500' }, 400, 'VALIDATION_ERROR', 'body.amount'],
      [{ amount: 500 }, 400, 'VALIDATION_ERROR', 'body.amount'],
      [{ amount: '1e3' }, 400, 'VALIDATION_ERROR', 'body.amount'],
      [{ amount: '500.1234567' }, 400, 'VALIDATION_ERROR', 'body.amount'],
      [{ transactionId: 'abc' }, 400, 'VALIDATION_ERROR', 'body.transactionId'],
      [{ transactionId: 'A'.repeat(65) }, 400, 'VALIDATION_ERROR', 'body.transactionId'],
      [{ transactionId: "x' or 1=1--" }, 400, 'VALIDATION_ERROR', 'body.transactionId'],
      [{ senderNumber: 'call me' }, 400, 'VALIDATION_ERROR', 'body.senderNumber'],
      [{ methodId: 'pmt_01kkkkkkkkkkkkkkkkkkkkkkkk' }, 404, 'NOT_FOUND'],
      [{ balance: '1000000' }, 400, 'VALIDATION_ERROR'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx(), ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      const error = res.json().error as { code: string; details: unknown };
      expect(error.code, JSON.stringify(body)).toBe(code);
      if (field) expect(JSON.stringify(error.details), JSON.stringify(body)).toContain(field);
    }
    const range = await deposit(c.h, { methodId: m.id, amount: '50', transactionId: nextTrx() });
    expect(range.json().error.details).toEqual({
      field: 'body.amount',
      min: '100.000000',
      max: '25000.000000',
      currency: 'BDT',
    });
    const inactive = await createMethod({ active: false });
    expect(
      (await deposit(c.h, { methodId: inactive.id, amount: '500', transactionId: nextTrx() })).statusCode,
    ).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/user/deposits', payload: {} })).statusCode).toBe(
      401,
    );
    expect(await written(c.id)).toEqual({ deposits: 0, ledger: 0, balance: '0.000000' });
  });

  it('at most 5 wait at once, even when 12 are sent together', async () => {
    const m = await createMethod();
    const c = await customer();
    const replies = await Promise.all(
      Array.from({ length: 12 }, () =>
        deposit(c.h, { methodId: m.id, amount: '200', transactionId: nextTrx() }),
      ),
    );
    const codes = replies.map((r) => r.statusCode).sort();
    expect(codes.filter((s) => s === 201)).toHaveLength(5);
    const refused = replies.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r.json().error.code).toBe('TOO_MANY_PENDING_DEPOSITS');
    expect((await written(c.id)).deposits).toBe(5);
    // Deciding one frees a place.
    const [one] = await sql<{ id: string }[]>`select id from deposits where user_id = ${c.id} limit 1`;
    expect((await reject(one!.id, 'wrong amount')).statusCode).toBe(200);
    expect((await deposit(c.h, { methodId: m.id, amount: '200', transactionId: nextTrx() })).statusCode).toBe(
      201,
    );
  });
});

describe('approving a deposit', () => {
  it('credits the balance once with a deposit ledger row tied to it, in the user’s currency', async () => {
    const m = await createMethod();
    const c = await customer({ balance: '10' });
    const d = (await deposit(c.h, { methodId: m.id, amount: '1000', transactionId: nextTrx() })).json()
      .deposit;
    const res = await approve(d.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      balance: '1010.000000',
      deposit: {
        status: 'approved',
        approvedAmount: '1000.000000',
        creditedAmount: '1000.000000',
        decidedBy: adminId,
      },
    });
    const rows = await sql`select kind, amount::text, balance_after::text, deposit_id, actor_id from ledger
                           where user_id = ${c.id} order by created_at`;
    expect(rows.at(-1)).toEqual({
      kind: 'deposit',
      amount: '1000.000000',
      balance_after: '1010.000000',
      deposit_id: d.id,
      actor_id: adminId,
    });
    await ledgerHolds(c.id);
    const me = await app.inject({ method: 'GET', url: '/api/user/me', headers: c.h });
    expect(me.json().user.balance).toBe('1010.000000');

    // Twice, or rejected after: 409, nothing moves.
    for (const second of [await approve(d.id), await reject(d.id, 'changed my mind')]) {
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toMatchObject({
        code: 'DEPOSIT_ALREADY_DECIDED',
        details: { status: 'approved' },
      });
    }
    expect((await written(c.id)).balance).toBe('1010.000000');
  });

  it('converts with the user’s own dollar rate and takes the method’s fee, exactly', async () => {
    const usdUser = await customer({ currency: 'USD', dollarRate: '121.5' });
    const bdtMethod = await createMethod({ feePercent: '0' });
    const d1 = (
      await deposit(usdUser.h, { methodId: bdtMethod.id, amount: '1000', transactionId: nextTrx() })
    ).json().deposit;
    expect(d1.creditedCurrency).toBe('USD');
    const r1 = await approve(d1.id);
    // 1000 BDT / 121.5 = 8.230452674… → 8.230452 (never more than received)
    expect(r1.json()).toMatchObject({
      balance: '8.230452',
      deposit: { creditedAmount: '8.230452', currency: 'BDT' },
    });

    const bdtUser = await customer({ currency: 'BDT', dollarRate: '119.75' });
    const usdMethod = await createMethod({
      name: 'Payoneer',
      kind: 'other',
      currency: 'USD',
      minAmount: '5',
      maxAmount: '500',
      feePercent: '2',
    });
    const d2 = (
      await deposit(bdtUser.h, { methodId: usdMethod.id, amount: '10', transactionId: nextTrx() })
    ).json().deposit;
    const r2 = await approve(d2.id);
    // (10 − 2 %) × 119.75 = 1173.55 BDT
    expect(r2.json()).toMatchObject({
      balance: '1173.550000',
      deposit: { feeAmount: '0.200000', creditedAmount: '1173.550000', creditedCurrency: 'BDT' },
    });
    await ledgerHolds(usdUser.id);
    await ledgerHolds(bdtUser.id);
  });

  it('takes a corrected amount from the admin (what actually arrived), beyond the method’s limits too', async () => {
    const m = await createMethod({ minAmount: '100', maxAmount: '1000' });
    const c = await customer();
    const d = (await deposit(c.h, { methodId: m.id, amount: '1000', transactionId: nextTrx() })).json()
      .deposit;
    expect((await approve(d.id, { amount: '-5' })).statusCode).toBe(400);
    expect((await approve(d.id, { amount: '0' })).statusCode).toBe(400);
    expect((await written(c.id)).balance).toBe('0.000000');
    const res = await approve(d.id, { amount: '950.25' });
    expect(res.json()).toMatchObject({
      balance: '950.250000',
      deposit: { amount: '1000.000000', approvedAmount: '950.250000', creditedAmount: '950.250000' },
    });
    const [act] =
      await sql`select message from activity_log where action = 'deposit.approved' and user_id = ${c.id}`;
    expect(act!.message).toContain('950.250000 BDT (claimed 1000.000000)');
    await ledgerHolds(c.id);
  });

  it('50 concurrent approvals of one deposit credit it once; approve-after-reject credits nothing', async () => {
    const m = await createMethod();
    const c = await customer({ balance: '5' });
    const d = (await deposit(c.h, { methodId: m.id, amount: '777.77', transactionId: nextTrx() })).json()
      .deposit;
    const replies = await Promise.all(Array.from({ length: 50 }, () => approve(d.id)));
    const ok = replies.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(replies.filter((r) => r.statusCode === 409)).toHaveLength(49);
    expect(ok[0]!.json().balance).toBe('782.770000');
    const credits = await sql`select 1 from ledger where deposit_id = ${d.id}`;
    expect(credits).toHaveLength(1);
    expect((await written(c.id)).balance).toBe('782.770000');
    await ledgerHolds(c.id);

    const r = (await deposit(c.h, { methodId: m.id, amount: '300', transactionId: nextTrx() })).json()
      .deposit;
    const races = await Promise.all([
      reject(r.id, 'no such transaction'),
      ...Array.from({ length: 5 }, () => approve(r.id)),
    ]);
    const winners = races.filter((x) => x.statusCode === 200);
    expect(winners).toHaveLength(1);
    const [state] = await sql<{ status: string }[]>`select status from deposits where id = ${r.id}`;
    const credited = await sql`select 1 from ledger where deposit_id = ${r.id}`;
    // Whichever won, the ledger agrees with the deposit's state.
    expect(credited).toHaveLength(state!.status === 'approved' ? 1 : 0);
    const late = await reject(d.id, 'x');
    expect(late.statusCode).toBe(409);
    // A plain approve after a reject: 409 and no credit.
    const z = (await deposit(c.h, { methodId: m.id, amount: '300', transactionId: nextTrx() })).json()
      .deposit;
    expect((await reject(z.id, 'not received')).json().deposit).toMatchObject({
      status: 'rejected',
      rejectReason: 'not received',
    });
    const after = await approve(z.id);
    expect(after.statusCode).toBe(409);
    expect(after.json().error.details).toEqual({ status: 'rejected' });
    expect(await sql`select 1 from ledger where deposit_id = ${z.id}`).toHaveLength(0);
    await ledgerHolds(c.id);
    const mine = await app.inject({ method: 'GET', url: '/api/user/deposits?status=rejected', headers: c.h });
    expect(
      (mine.json().items as { id: string; rejectReason: string }[]).find((x) => x.id === z.id)?.rejectReason,
    ).toBe('not received');
  });

  it('is admin-only, and unknown deposits are 404', async () => {
    const m = await createMethod();
    const c = await customer();
    const d = (await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx() })).json()
      .deposit;
    const self = await app.inject({
      method: 'POST',
      url: `/api/admin/deposits/${d.id}/approve`,
      headers: c.h,
      payload: {},
    });
    expect(self.statusCode).toBe(403);
    expect((await written(c.id)).balance).toBe('0.000000');
    expect((await approve('dep_01kkkkkkkkkkkkkkkkkkkkkkkk')).statusCode).toBe(404);
    expect((await approve('not-an-id')).statusCode).toBe(400);
  });

  it('admins find deposits by status and transaction id (any case)', async () => {
    const m = await createMethod();
    const c = await customer();
    await deposit(c.h, { methodId: m.id, amount: '500', transactionId: 'FIND-ME-42' });
    const res = await app.inject({
      method: 'GET',
      url: '/api/admin/deposits?transactionId=find-me-42',
      headers: admin,
    });
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({
      transactionId: 'FIND-ME-42',
      userId: c.id,
      userEmail: `${c.id}@example.com`,
    });
    const pending = await app.inject({
      method: 'GET',
      url: '/api/admin/deposits?status=pending&limit=100',
      headers: admin,
    });
    for (const x of pending.json().items as { status: string }[]) expect(x.status).toBe('pending');
  });
});

describe('transaction history', () => {
  it('shows every ledger row with balanceAfter and what it belongs to; filters, pages; admin sees the same', async () => {
    const c = await customer({ balance: '200' });
    const cat = await seedCatalog(sql);
    const order = await app.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: c.h,
      payload: { categoryId: cat.catA, serviceId: cat.auto, link: 'https://instagram.com/x', qty: 1000 },
    });
    expect(order.statusCode, order.body).toBe(201);
    const orderNumber = order.json().orderNumbers[0] as number;
    const m = await createMethod();
    const d = (await deposit(c.h, { methodId: m.id, amount: '500', transactionId: 'HIST-0001' })).json()
      .deposit;
    await approve(d.id);
    await app.inject({
      method: 'POST',
      url: `/api/admin/users/${c.id}/balance`,
      headers: admin,
      payload: { amount: '-1.5', note: 'goodwill reversal' },
    });

    const all = await app.inject({ method: 'GET', url: '/api/user/transactions', headers: c.h });
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.kind)).toEqual(['adjustment', 'deposit', 'charge', 'deposit']);
    expect(items[0]).toMatchObject({ amount: '-1.500000', note: 'goodwill reversal', orderNumber: null });
    expect(items[1]).toMatchObject({
      depositId: d.id,
      depositTransactionId: 'HIST-0001',
      amount: '500.000000',
    });
    expect(items[2]).toMatchObject({ orderNumber, orderId: expect.stringMatching(/^ord_/) });
    expect((items[2]!.amount as string).startsWith('-')).toBe(true);
    // Each balanceAfter is the one before plus the amount, and the newest is the balance.
    const me = (await app.inject({ method: 'GET', url: '/api/user/me', headers: c.h })).json().user;
    expect(items[0]!.balanceAfter).toBe(me.balance);
    await ledgerHolds(c.id);

    const deposits = await app.inject({
      method: 'GET',
      url: '/api/user/transactions?kind=deposit',
      headers: c.h,
    });
    expect((deposits.json().items as unknown[]).length).toBe(2);
    const future = await app.inject({
      method: 'GET',
      url: `/api/user/transactions?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      headers: c.h,
    });
    expect(future.json().items).toEqual([]);

    const p1 = await app.inject({ method: 'GET', url: '/api/user/transactions?limit=3', headers: c.h });
    expect(p1.json().items).toHaveLength(3);
    const p2 = await app.inject({
      method: 'GET',
      url: `/api/user/transactions?limit=3&cursor=${p1.json().nextCursor}`,
      headers: c.h,
    });
    expect(p2.json()).toMatchObject({ nextCursor: null });
    expect([...p1.json().items, ...p2.json().items]).toEqual(items);

    const asAdmin = await app.inject({
      method: 'GET',
      url: `/api/admin/users/${c.id}/transactions`,
      headers: admin,
    });
    // The admin reads every note; the customer not a charge's or refund's (it can quote a provider).
    expect(items[2]!.note).toBeNull();
    const adminItems = asAdmin.json().items as Record<string, unknown>[];
    expect(adminItems[2]!.note).toBe('order charge');
    expect(adminItems.map(({ note: _n, ...rest }) => rest)).toEqual(
      items.map(({ note: _n, ...rest }) => rest),
    );
    const other = await customer();
    const theirs = await app.inject({ method: 'GET', url: '/api/user/transactions', headers: other.h });
    expect(theirs.json().items).toEqual([]);
    expect(
      (await app.inject({ method: 'GET', url: `/api/admin/users/${c.id}/transactions`, headers: other.h }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/admin/users/usr_01kkkkkkkkkkkkkkkkkkkkkkkk/transactions',
          headers: admin,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: '/api/user/transactions?kind=bonus', headers: c.h }))
        .statusCode,
    ).toBe(400);
  });
});

describe('deposit rate limit', async () => {
  const limited = await startGateway(t, { DEPOSIT_RATE_MAX: '3' });
  it('answers 429 past DEPOSIT_RATE_MAX per user, and writes nothing for the refused', async () => {
    const m = await createMethod();
    const id = await seedUser(sql);
    const h = bearer(limited.app.issueToken({ id, role: 'user' }));
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/user/deposits',
        headers: h,
        payload: { methodId: m.id, amount: '200', transactionId: nextTrx() },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([201, 201, 201, 429, 429]);
    expect((await written(id)).deposits).toBe(3);
  });
});
