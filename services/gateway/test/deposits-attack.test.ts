import { dec, depositCredit, floorMoney } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { depositHarness } from './deposit-fixtures.ts';
import { bearer, seedCatalog, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
const { app } = await startGateway(t);
const { admin, customer, createMethod, written, deposit, approve, reject, ledgerHolds, nextTrx } =
  await depositHarness(app, t, 'AT');
const patchMethod = (id: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'PATCH', url: `/api/admin/payment-methods/${id}`, headers: admin, payload });
const patchUser = (id: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, headers: admin, payload });
const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('double credit', () => {
  it('approve / approve-with-amount / reject racing on one deposit: one decision, one credit that matches it', async () => {
    const m = await createMethod();
    const c = await customer({ balance: '3' });
    const d = (await deposit(c.h, { methodId: m.id, amount: '1000', transactionId: nextTrx() })).json()
      .deposit;
    const races = await Promise.all([
      ...['900', '1000', '1100', '999.999999', '5000'].map((amount) => approve(d.id, { amount })),
      approve(d.id),
      reject(d.id, 'not received'),
      reject(d.id, 'duplicate'),
    ]);
    expect(races.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of races.filter((x) => x.statusCode !== 200)) expect(r.statusCode).toBe(409);
    const [row] = await sql<{ status: string; credited: string | null }[]>`
      select status, credited_amount::text as credited from deposits where id = ${d.id}`;
    const credits = await sql<
      { amount: string }[]
    >`select amount::text from ledger where deposit_id = ${d.id}`;
    if (row!.status === 'approved') expect(credits.map((x) => x.amount)).toEqual([row!.credited]);
    else expect(credits).toHaveLength(0);
    await ledgerHolds(c.id);
  });

  it('deposits of one user approved at once: every credit lands, and the history shows an unbroken balanceAfter chain ending at the balance', async () => {
    const m = await createMethod({ maxAmount: '99999' });
    const users = await Promise.all(Array.from({ length: 3 }, () => customer({ balance: '1' })));
    const ids: string[] = [];
    for (const c of users) {
      for (let i = 0; i < 5; i++) {
        const r = await deposit(c.h, { methodId: m.id, amount: `${100 + i}.5`, transactionId: nextTrx() });
        ids.push(r.json().deposit.id);
      }
    }
    const replies = await Promise.all(ids.map((id) => approve(id)));
    for (const r of replies) expect(r.statusCode, r.body).toBe(200);
    for (const c of users) {
      expect((await written(c.id)).balance).toBe('513.500000');
      await ledgerHolds(c.id);
      // As the customer reads it, newest first: each row's balanceAfter is the next (older) one's plus its
      // amount, and the newest is the balance.
      const items = (await get('/api/user/transactions', c.h)).json().items as {
        amount: string;
        balanceAfter: string;
        createdAt: string;
      }[];
      const chain = items.map((x) => `${x.createdAt} ${x.amount} → ${x.balanceAfter}`).join('\n');
      expect(items[0]!.balanceAfter, chain).toBe('513.500000');
      for (let i = 0; i + 1 < items.length; i++) {
        expect(
          dec(items[i + 1]!.balanceAfter)
            .plus(items[i]!.amount)
            .toFixed(6),
          chain,
        ).toBe(items[i]!.balanceAfter);
      }
    }
  });

  it('approvals racing order charges on the same balance keep Σ ledger = balance (and balance ≥ 0)', async () => {
    const cat = await seedCatalog(sql);
    const m = await createMethod();
    const c = await customer({ balance: '150' });
    const d = (await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx() })).json()
      .deposit;
    const order = () =>
      app.inject({
        method: 'POST',
        url: '/api/user/create-orders',
        headers: c.h,
        payload: { categoryId: cat.catA, serviceId: cat.auto, link: 'https://instagram.com/x', qty: 1000 },
      });
    const [o1, o2, approved, ...more] = await Promise.all([
      order(),
      order(),
      approve(d.id),
      order(),
      order(),
      order(),
      order(),
    ]);
    expect(approved!.statusCode).toBe(200);
    // Each order (100.00) is placed or refused for funds by when it ran; the money adds up either way.
    const orders = [o1!, o2!, ...more];
    for (const r of orders)
      expect(r.statusCode === 201 || r.json().error.code === 'INSUFFICIENT_FUNDS').toBe(true);
    const placed = orders.filter((r) => r.statusCode === 201).length;
    expect(placed).toBeGreaterThanOrEqual(1);
    const [u] = await sql<{ balance: string }[]>`select balance::text from users where id = ${c.id}`;
    expect(u!.balance).toBe(dec(650).minus(dec(100).times(placed)).toFixed(6));
    await ledgerHolds(c.id);
  });

  it('the user’s currency changed between submit and approval: credited once, converted, in the new currency', async () => {
    const m = await createMethod();
    const c = await customer({ currency: 'BDT', dollarRate: '120' });
    const d = (await deposit(c.h, { methodId: m.id, amount: '1200', transactionId: nextTrx() })).json()
      .deposit;
    expect((await patchUser(c.id, { currency: 'USD', dollarRate: '100' })).statusCode).toBe(200);
    const res = await approve(d.id);
    expect(res.json()).toMatchObject({
      balance: '12.000000',
      deposit: { currency: 'BDT', creditedAmount: '12.000000', creditedCurrency: 'USD' },
    });
    const [l] = await sql`select currency from ledger where deposit_id = ${d.id}`;
    expect(l!.currency).toBe('USD');
    // Now the balance is not zero: the currency cannot flip under the credit.
    expect((await patchUser(c.id, { currency: 'BDT' })).statusCode).toBe(422);
    await ledgerHolds(c.id);
  });

  it('a currency change racing the approval never credits BDT into a USD balance', async () => {
    for (let round = 0; round < 4; round++) {
      const m = await createMethod();
      const c = await customer({ currency: 'BDT', dollarRate: '120' });
      const d = (await deposit(c.h, { methodId: m.id, amount: '1200', transactionId: nextTrx() })).json()
        .deposit;
      const [a, p] = await Promise.all([approve(d.id), patchUser(c.id, { currency: 'USD' })]);
      expect(a.statusCode).toBe(200);
      const [u] = await sql<{ currency: string; balance: string }[]>`
        select currency, balance::text from users where id = ${c.id}`;
      if (p.statusCode === 200) expect(u).toEqual({ currency: 'USD', balance: '10.000000' });
      else expect(u).toEqual({ currency: 'BDT', balance: '1200.000000' });
      await ledgerHolds(c.id);
    }
  });

  it('the method’s currency changed after submission: the claim keeps the currency it was made in', async () => {
    const m = await createMethod({ minAmount: '1', maxAmount: '100000' });
    const c = await customer({ currency: 'BDT', dollarRate: '120' });
    const d = (await deposit(c.h, { methodId: m.id, amount: '1200', transactionId: nextTrx() })).json()
      .deposit;
    expect((await patchMethod(m.id, { currency: 'USD' })).statusCode).toBe(200);
    const res = await approve(d.id);
    // 1200 BDT, not 1200 USD × 120.
    expect(res.json()).toMatchObject({ balance: '1200.000000', deposit: { currency: 'BDT' } });
  });

  it('the method’s fee raised after submission does not apply to a claim already made', async () => {
    const m = await createMethod({ feePercent: '0' });
    const c = await customer();
    const d = (await deposit(c.h, { methodId: m.id, amount: '1000', transactionId: nextTrx() })).json()
      .deposit;
    expect((await patchMethod(m.id, { feePercent: '50' })).statusCode).toBe(200);
    const res = await approve(d.id);
    // The customer was shown 0 % when they sent the money.
    expect(res.json().deposit.creditedAmount).toBe('1000.000000');
  });

  it('an archived method re-created for the same wallet does not let an approved transaction be claimed again', async () => {
    const account = '01999-123456';
    const old = await createMethod({ account });
    const c = await customer();
    const d = (await deposit(c.h, { methodId: old.id, amount: '2000', transactionId: 'REUSE-8N7A6B' })).json()
      .deposit;
    expect((await approve(d.id)).statusCode).toBe(200);
    await app.inject({ method: 'DELETE', url: `/api/admin/payment-methods/${old.id}`, headers: admin });
    const again = await createMethod({ account });
    const second = await deposit(c.h, { methodId: again.id, amount: '2000', transactionId: 'REUSE-8N7A6B' });
    expect(second.statusCode).toBe(409);
  });

  it('an admin cannot approve a deposit they requested themselves', async () => {
    const m = await createMethod();
    const mine = await deposit(admin, { methodId: m.id, amount: '5000', transactionId: nextTrx() });
    expect(mine.statusCode).toBe(201);
    const res = await approve(mine.json().deposit.id);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await sql`select 1 from ledger where deposit_id = ${mine.json().deposit.id}`).toHaveLength(0);
  });
});

describe('rounding and huge numbers', () => {
  it('never credits more than was received (random amounts, fees, rates, both directions)', () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      const amount = `${rnd() % 100000}.${String(rnd() % 1_000_000).padStart(6, '0')}`;
      if (dec(amount).isZero()) continue;
      const feePercent = `${rnd() % 100}.${String(rnd() % 100).padStart(2, '0')}`;
      const rate = `${1 + (rnd() % 200)}.${String(rnd() % 1_000_000).padStart(6, '0')}`;
      for (const [from, to] of [
        ['BDT', 'BDT'],
        ['USD', 'BDT'],
        ['BDT', 'USD'],
      ] as const) {
        const r = depositCredit({ amount, currency: from, feePercent }, { currency: to, dollarRate: rate });
        const received =
          from === to ? dec(amount) : from === 'USD' ? dec(amount).times(rate) : dec(amount).div(rate);
        expect(
          dec(r.creditedAmount).lte(received),
          `${amount} ${from}→${to} @${rate} fee ${feePercent}`,
        ).toBe(true);
      }
    }
  });

  it('never credits more than received less the exact fee (the fee rounds half-up, so it can round to 0)', () => {
    // 1.5 % of 0.000010 is 0.00000015: rounded half-up the panel keeps 0 and credits the whole 0.000010.
    const r = depositCredit(
      { amount: '0.000010', currency: 'BDT', feePercent: '1.5' },
      { currency: 'BDT', dollarRate: '120' },
    );
    expect(r.creditedAmount).toBe(floorMoney(dec('0.000010').times('0.985')));
    // Worse through the conversion: 0.000030 USD at 1 % → 0.0036 BDT instead of ≤ 0.003564.
    const u = depositCredit(
      { amount: '0.000030', currency: 'USD', feePercent: '1' },
      { currency: 'BDT', dollarRate: '120' },
    );
    expect(dec(u.creditedAmount).lte(dec('0.000030').times('0.99').times('120'))).toBe(true);
  });

  it('an approval that would credit 0 (tiny amount, big fee or conversion) is refused, not booked as a 0 deposit', async () => {
    const m = await createMethod({ minAmount: '0.000001', maxAmount: '10' });
    const c = await customer({ currency: 'USD', dollarRate: '120' });
    const d = (await deposit(c.h, { methodId: m.id, amount: '0.000001', transactionId: nextTrx() })).json()
      .deposit;
    const res = await approve(d.id);
    expect(res.statusCode, res.body).toBe(422);
    expect(await sql`select 1 from ledger where deposit_id = ${d.id}`).toHaveLength(0);
  });

  it('a corrected amount whose conversion overflows numeric(20,6) is a 4xx that writes nothing, not a 500', async () => {
    const usd = await createMethod({ name: 'Payoneer', currency: 'USD', minAmount: '1', maxAmount: '1000' });
    const c = await customer({ currency: 'BDT', dollarRate: '120' });
    const d = (await deposit(c.h, { methodId: usd.id, amount: '100', transactionId: nextTrx() })).json()
      .deposit;
    const res = await approve(d.id, { amount: '99999999999999' });
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(res.statusCode).not.toBe(200);
    expect((await written(c.id)).balance).toBe('0.000000');
    const [row] = await sql`select status from deposits where id = ${d.id}`;
    expect(row!.status).toBe('pending');
  });

  it('a credit that would push the balance past numeric(20,6) is a 4xx, not a 500', async () => {
    const m = await createMethod({ minAmount: '1', maxAmount: '99999999999999.999999' });
    const c = await customer({ balance: '1' });
    const d = await deposit(c.h, {
      methodId: m.id,
      amount: '99999999999999.999999',
      transactionId: nextTrx(),
    });
    expect(d.statusCode, d.body).toBe(201);
    const res = await approve(d.json().deposit.id);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect((await written(c.id)).balance).toBe('1.000000');
  });

  it('amounts as typed: leading zeros and spaces are read exactly; exponents, trailing dots, fullwidth digits are 400', async () => {
    const m = await createMethod({ minAmount: '1', maxAmount: '1000' });
    const c = await customer();
    for (const [amount, stored] of [
      ['00100', '100.000000'],
      [' 100', '100.000000'],
      ['100 ', '100.000000'],
      ['0000000000100.5', '100.500000'],
    ] as const) {
      const r = await deposit(c.h, { methodId: m.id, amount, transactionId: nextTrx() });
      expect(r.statusCode, amount).toBe(201);
      expect(r.json().deposit.amount).toBe(stored);
      await sql`update deposits set status = 'rejected' where id = ${r.json().deposit.id}`;
    }
    for (const amount of [
      '1e2',
      '100.',
      '.5',
      '+100',
      '0x64',
      '100,00',
      '１００',
      '100\u200b',
      '',
      '999999999999999',
      '99999999999999999999.5',
      'NaN',
      'Infinity',
    ]) {
      const r = await deposit(c.h, { methodId: m.id, amount, transactionId: nextTrx() });
      expect(r.statusCode, JSON.stringify(amount)).toBe(400);
    }
    const big = await deposit(c.h, {
      methodId: m.id,
      amount: '99999999999999.999999',
      transactionId: nextTrx(),
    });
    expect(big.statusCode).toBe(422);
  });
});

describe('transaction ids', () => {
  it('whitespace around an id is the same id; fullwidth, zero-width and Cyrillic lookalikes are refused', async () => {
    const m = await createMethod();
    const a = await customer();
    const b = await customer();
    expect(
      (await deposit(a.h, { methodId: m.id, amount: '500', transactionId: 'BKX8N7A6' })).statusCode,
    ).toBe(201);
    for (const id of ['BKX8N7A6 ', '\tbkx8n7a6\n', '\u00a0BKX8N7A6\u00a0', '\ufeffBKX8N7A6']) {
      const r = await deposit(b.h, { methodId: m.id, amount: '500', transactionId: id });
      expect(r.statusCode, JSON.stringify(id)).toBe(409);
    }
    for (const id of [
      'ＢＫＸ８Ｎ７Ａ６',
      'BKX8N7A6\u200b',
      'BKX\u200d8N7A6',
      'ВКХ8N7А6',
      'BKX8N7A6\u0000',
      'BKX8N7A6\n\n1',
    ]) {
      const r = await deposit(b.h, { methodId: m.id, amount: '500', transactionId: id });
      expect(r.statusCode, JSON.stringify(id)).toBe(400);
    }
    expect((await written(b.id)).deposits).toBe(0);
  });

  it('two customers racing to claim one transaction id: exactly one wins', async () => {
    const m = await createMethod();
    const cs = await Promise.all(Array.from({ length: 8 }, () => customer()));
    const replies = await Promise.all(
      cs.map((c, i) =>
        deposit(c.h, { methodId: m.id, amount: '500', transactionId: i % 2 ? 'RACE-77' : 'race-77' }),
      ),
    );
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.statusCode === 409)).toHaveLength(7);
  });

  it('dashes do not make a new transaction: "8N7A-6B5C" is "8N7A6B5C"', async () => {
    const m = await createMethod();
    const a = await customer();
    const b = await customer();
    expect(
      (await deposit(a.h, { methodId: m.id, amount: '500', transactionId: '8N7A6B5C' })).statusCode,
    ).toBe(201);
    expect(
      (await deposit(b.h, { methodId: m.id, amount: '500', transactionId: '8N7A-6B5C' })).statusCode,
    ).toBe(409);
  });

  it('an id of dashes only is not a transaction id', async () => {
    const m = await createMethod();
    const c = await customer();
    expect((await deposit(c.h, { methodId: m.id, amount: '500', transactionId: '----' })).statusCode).toBe(
      400,
    );
  });
});

describe('pending limit', () => {
  it('holds under parallel requests across two methods', async () => {
    const m1 = await createMethod();
    const m2 = await createMethod({ name: 'Nagad' });
    const c = await customer();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        deposit(c.h, { methodId: i % 2 ? m1.id : m2.id, amount: '200', transactionId: nextTrx() }),
      ),
    );
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(replies.filter((r) => r.statusCode === 422)).toHaveLength(5);
    expect((await written(c.id)).deposits).toBe(5);
  });
});

describe('who may do what', () => {
  it('a customer cannot reach any admin money route, nor decide their own deposit', async () => {
    const m = await createMethod();
    const c = await customer();
    const d = (await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx() })).json()
      .deposit;
    const tries = [
      approve(d.id, { amount: '25000' }, c.h),
      reject(d.id, 'x', c.h),
      get('/api/admin/deposits', c.h),
      get('/api/admin/payment-methods', c.h),
      get(`/api/admin/users/${c.id}/transactions`, c.h),
      app.inject({
        method: 'PATCH',
        url: `/api/admin/payment-methods/${m.id}`,
        headers: c.h,
        payload: { feePercent: '0' },
      }),
      app.inject({ method: 'DELETE', url: `/api/admin/payment-methods/${m.id}`, headers: c.h }),
    ];
    for (const r of await Promise.all(tries)) expect(r.statusCode, r.body).toBe(403);
    const [row] = await sql`select status from deposits where id = ${d.id}`;
    expect(row!.status).toBe('pending');
    // A token claiming admin for a user the database says is a customer: still 403.
    const lying = bearer(app.issueToken({ id: c.id, role: 'admin' }));
    expect((await approve(d.id, {}, lying)).statusCode).toBe(403);
  });

  it('a customer reads only their own deposits and transactions; userId in the query is refused', async () => {
    const m = await createMethod();
    const victim = await customer({ balance: '77' });
    const attacker = await customer();
    await deposit(victim.h, { methodId: m.id, amount: '500', transactionId: 'VICTIM-0001', note: 'secret' });
    const mine = await get('/api/user/deposits', attacker.h);
    expect(mine.json().items).toEqual([]);
    for (const url of [
      `/api/user/deposits?userId=${victim.id}`,
      `/api/user/transactions?userId=${victim.id}`,
      `/api/user/transactions?user_id=${victim.id}`,
    ]) {
      expect((await get(url, attacker.h)).statusCode, url).toBe(400);
    }
    // A cursor names a position, not a user: the victim's newest row as the cursor shows the attacker nothing.
    const [row] = await sql<{ id: string; at: string }[]>`
      select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
      from ledger where user_id = ${victim.id}`;
    const c = forged(['2999-01-01T00:00:00.000000Z', row!.id]);
    expect((await get(`/api/user/transactions?cursor=${c}`, attacker.h)).json().items).toEqual([]);
    expect((await get(`/api/user/deposits?cursor=${c}`, attacker.h)).json().items).toEqual([]);
  });

  it('a suspended customer cannot submit, and nothing is written', async () => {
    const m = await createMethod();
    const c = await customer();
    expect((await patchUser(c.id, { status: 'suspended' })).statusCode).toBe(200);
    const r = await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx() });
    expect(r.statusCode).toBe(403);
    expect((await get('/api/user/transactions', c.h)).statusCode).toBe(403);
    expect((await written(c.id)).deposits).toBe(0);
  });
});

describe('payment method limits', () => {
  it('min > max through separate requests is refused', async () => {
    const m = await createMethod({ minAmount: '10', maxAmount: '1000' });
    expect((await patchMethod(m.id, { minAmount: '500' })).statusCode).toBe(200);
    const r = await patchMethod(m.id, { maxAmount: '100' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('BUSINESS_RULE');
  });

  it('min > max through two concurrent requests is a 422, not a 500 from the CHECK', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const m = await createMethod({ minAmount: '10', maxAmount: '1000' });
      const replies = await Promise.all([
        patchMethod(m.id, { minAmount: '500' }),
        patchMethod(m.id, { maxAmount: '100' }),
      ]);
      statuses.push(...replies.map((r) => r.statusCode));
    }
    for (const s of statuses) expect([200, 422], JSON.stringify(statuses)).toContain(s);
  });

  it('an archived method cannot be edited back to life, nor deposited to', async () => {
    const m = await createMethod();
    await app.inject({ method: 'DELETE', url: `/api/admin/payment-methods/${m.id}`, headers: admin });
    expect((await patchMethod(m.id, { active: true })).statusCode).toBe(404);
    const c = await customer();
    expect((await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx() })).statusCode).toBe(
      404,
    );
  });
});

describe('text fields', () => {
  it('notes and reasons with HTML come back verbatim as JSON; too long is 400; a huge body is 413', async () => {
    const m = await createMethod();
    const c = await customer();
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const d = await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx(), note: html });
    expect(d.statusCode).toBe(201);
    expect(d.headers['content-type']).toContain('application/json');
    expect(d.json().deposit.note).toBe(html);
    expect(
      (await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx(), note: 'x'.repeat(501) }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await deposit(c.h, {
          methodId: m.id,
          amount: '500',
          transactionId: nextTrx(),
          note: 'x'.repeat(2_000_000),
        })
      ).statusCode,
    ).toBe(413);
    const rj = await reject(d.json().deposit.id, html);
    expect(rj.json().deposit.rejectReason).toBe(html);
    expect((await reject(d.json().deposit.id, 'x'.repeat(501))).statusCode).toBe(400);
    expect((await written(c.id)).deposits).toBe(1);
  });

  it('a NUL character in any text field is a 400, not a 500', async () => {
    const m = await createMethod();
    const c = await customer();
    const d = (await deposit(c.h, { methodId: m.id, amount: '500', transactionId: nextTrx() })).json()
      .deposit;
    const replies = {
      note: await deposit(c.h, {
        methodId: m.id,
        amount: '500',
        transactionId: nextTrx(),
        note: 'hi\u0000there',
      }),
      methodId: await deposit(c.h, { methodId: 'pmt_\u0000', amount: '500', transactionId: nextTrx() }),
      reason: await reject(d.id, 'no\u0000pe'),
      adminSearch: await get(`/api/admin/deposits?transactionId=${encodeURIComponent('AB\u0000CD')}`, admin),
      methodName: await app.inject({
        method: 'POST',
        url: '/api/admin/payment-methods',
        headers: admin,
        payload: {
          name: 'b\u0000',
          kind: 'other',
          currency: 'BDT',
          account: '1',
          minAmount: '1',
          maxAmount: '2',
        },
      }),
    };
    const got = Object.fromEntries(Object.entries(replies).map(([k, r]) => [k, r.statusCode]));
    expect(got).toEqual({ note: 400, methodId: 400, reason: 400, adminSearch: 400, methodName: 400 });
    expect((await written(c.id)).deposits).toBe(1);
  });
});

describe('history queries', () => {
  it('forged cursors are 400, never 500', async () => {
    const c = await customer({ balance: '5' });
    const cursors = {
      digit: forged(['1', 'x']),
      words: forged(['hello 2020', 'x']),
      year: forged(['2020', 'x']),
      bigYear: forged(['99999', 'x']),
      nulId: forged(['2024-01-01T00:00:00Z', 'a\u0000b']),
      short: forged(['2024-01-01T00:00:00Z']),
      object: forged({ createdAt: '2024-01-01T00:00:00Z', id: 'x' }),
      notBase64: '!!!',
    };
    const got: Record<string, number[]> = {};
    for (const [name, cur] of Object.entries(cursors)) {
      got[name] = [
        (await get(`/api/user/transactions?cursor=${cur}`, c.h)).statusCode,
        (await get(`/api/user/deposits?cursor=${cur}`, c.h)).statusCode,
        (await get(`/api/admin/deposits?cursor=${cur}`, admin)).statusCode,
        (await get(`/api/admin/users/${c.id}/transactions?cursor=${cur}`, admin)).statusCode,
      ];
    }
    const want = Object.fromEntries(Object.keys(cursors).map((k) => [k, [400, 400, 400, 400]]));
    expect(got).toEqual(want);
  });

  it('from/to at the edges: dates Postgres holds are answered, others are a 400, never a 500', async () => {
    const c = await customer({ balance: '5' });
    const got: Record<string, number> = {};
    for (const q of [
      'from=0000-01-01T00:00:00Z',
      'to=9999-12-31T23:59:59-23:59',
      'from=9999-12-31T23:59:59Z',
      'from=2024-01-01T00:00:00.123456789Z',
      'from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z',
      'from=2024-02-30T00:00:00Z',
      'from=yesterday',
      'from=1700000000000',
      'limit=0',
      'limit=1e2',
      'limit=101',
      'kind=deposit&kind=charge',
    ]) {
      const r = await get(`/api/user/transactions?${q.replaceAll('+', '%2B')}`, c.h);
      got[q] = r.statusCode;
    }
    // Bounds are dates Postgres holds (1970 to 9999 in UTC); anything else is the client's mistake.
    expect(got).toEqual({
      'from=0000-01-01T00:00:00Z': 400,
      'to=9999-12-31T23:59:59-23:59': 400,
      'from=9999-12-31T23:59:59Z': 400,
      'from=2024-01-01T00:00:00.123456789Z': 200,
      'from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z': 200,
      'from=2024-02-30T00:00:00Z': 400,
      'from=yesterday': 400,
      'from=1700000000000': 400,
      'limit=0': 400,
      'limit=1e2': 200,
      'limit=101': 400,
      'kind=deposit&kind=charge': 400,
    });
  });
});
