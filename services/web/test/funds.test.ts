import { depositCredit } from '@smm/domain';
import { Decimal } from 'decimal.js';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, shot, textOf, WIDE } from './browser.ts';
import { fitsWidth, startPanelSession } from './panel-harness.ts';

// Money in (issue 17): payment methods, deposit requests, their approval, the ledger, against the whole
// panel as `npm start` runs it, in a real Chromium. Methods are made through the admin API, as an
// admin would; nothing of the API is mocked.
const p = await startPanelSession('web-funds', { SYNC_INTERVAL_MS: '60000', DEPOSIT_RATE_MAX: '10000' });
const { open, signedIn, request: call } = p;
const DEMO = p.demo;
const ADMIN = p.admin;

/** Money as the pages show it: 2 places, 4 under 0.01 (rounded half up; the exact amount is its tooltip). */
function display(d: Decimal): string {
  return d.toFixed(!d.isZero() && d.abs().lt('0.01') ? 4 : 2, Decimal.ROUND_HALF_UP);
}

interface Method {
  id: string;
  name: string;
  currency: string;
  minAmount: string;
  maxAmount: string;
  feePercent: string;
  active: boolean;
  sortOrder: number;
}
interface Deposit {
  id: string;
  status: string;
  transactionId: string;
  creditedAmount: string | null;
  creditedCurrency: string;
}

const INSTRUCTIONS = [
  'Open bKash and choose Send Money.',
  'Send to 01712-345678.',
  'Write down the TrxID from the confirmation SMS.',
].join('\n');

describe('money in: payment methods, deposits, approval, transactions', () => {
  let admin: { context: BrowserContext; page: Page };
  let customer: { context: BrowserContext; page: Page };
  let bkash: Method;

  it('an admin sets up a payment method (through the admin API), in place of the demo one', async () => {
    admin = await signedIn(ADMIN);
    // A fresh panel (npm start's seed) offers a demo bKash number; a real panel replaces it with its own.
    const { body: seeded } = await call<{ items: Method[] }>(admin.page, 'GET', '/api/admin/payment-methods');
    expect(seeded.items.map((m) => m.name)).toEqual(['bKash (demo)']);
    const removed = await call(admin.page, 'DELETE', `/api/admin/payment-methods/${seeded.items[0]!.id}`);
    expect(removed.status).toBe(200);
    const made = await call<{ success: boolean; paymentMethod: Method }>(
      admin.page,
      'POST',
      '/api/admin/payment-methods',
      {
        name: 'bKash',
        kind: 'mobile_wallet',
        currency: 'BDT',
        account: '01712-345678',
        instructions: INSTRUCTIONS,
        minAmount: '500',
        maxAmount: '25000',
        feePercent: '1.5',
        active: true,
        sortOrder: 1,
      },
    );
    expect(made.status).toBe(201);
    bkash = made.body.paymentMethod;
    expect(bkash).toMatchObject({ name: 'bKash', currency: 'BDT', active: true });
  });

  it('a customer sees the method with its instructions and sends a deposit request', async () => {
    customer = await signedIn(DEMO);
    const { page } = customer;
    expect(await textOf(page, '[data-testid=balance]', /100\.00/)).toBe('$100.00');
    await page.click('nav a:text-is("Add funds")');
    await page.waitForURL(/\/user\/funds$/);
    await open(page, '/user/funds');

    const card = page.locator(`article.method[data-method-id="${bkash.id}"]`);
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toBe('bKash');
    expect(await card.locator('[data-testid=method-account]').textContent()).toBe('01712-345678');
    // The instructions as written, line by line: the rendered text, line breaks and all.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendering (white-space) is what is checked
    expect(await card.locator('[data-testid=method-instructions]').innerText()).toBe(INSTRUCTIONS);
    expect(await card.locator('[data-testid=method-limits]').textContent()).toBe('500.00 – 25,000.00 BDT');
    expect(await card.locator('[data-testid=method-fee]').textContent()).toBe('1.5%');

    // A click on the card chooses the method and moves on to the amount.
    await card.locator('h2').click();
    expect(await page.inputValue('select[name=methodId]')).toBe(bkash.id);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('amount');
    expect(await page.locator('[data-testid=amount-limits]').textContent()).toContain(
      'between 500.00 and 25,000.00 BDT',
    );

    // Shapes are checked here; the range is the server's word, shown on the amount.
    await page.fill('input[name=amount]', '100');
    await page.fill('input[name=transactionId]', 'x!');
    await page.click('button[type=submit]');
    const txError = page.locator('label.field:has(input[name=transactionId]) .field-error');
    expect(await txError.textContent()).toMatch(/4 to 64 letters, digits or dashes/);
    await page.fill('input[name=transactionId]', 'TRX-WEB-0001');
    expect(await txError.count()).toBe(0);
    await page.click('button[type=submit]');
    const amountError = page.locator('label.field:has(input[name=amount]) .field-error');
    expect(await textOf(page, 'label.field:has(input[name=amount]) .field-error', /between/)).toBe(
      'The amount must be between 500.00 BDT and 25,000.00 BDT.',
    );
    await page.fill('input[name=amount]', '1,000');
    expect(await amountError.count()).toBe(0);

    await page.fill('input[name=senderNumber]', '01811-000000');
    await page.fill('textarea[name=note]', 'sent from my brother’s phone');
    await page.click('button[type=submit]');
    expect(await textOf(page, '[data-testid=created-deposit]', /Request sent/)).toMatch(
      /1,000\.00 BDT by bKash, transaction id TRX-WEB-0001, submitted \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    const row = page.locator('[data-testid=deposits] tbody tr').first();
    expect(await row.getAttribute('data-status')).toBe('pending');
    expect(await row.textContent()).toContain('TRX-WEB-0001');
    expect(await row.locator('.badge').textContent()).toBe('Pending');
    // Nothing reaches the balance before an admin approves.
    expect(await page.locator('[data-testid=balance]').textContent()).toBe('$100.00');
    await shot(page, 'funds-desktop');
  });

  it('the same transaction id again: said once, on that field, and gone when it is edited', async () => {
    const { page } = customer;
    await page.fill('input[name=amount]', '1000');
    await page.fill('input[name=transactionId]', 'trx-web-0001');
    await page.click('button[type=submit]');
    const txError = page.locator('label.field:has(input[name=transactionId]) .field-error');
    expect(await textOf(page, 'label.field:has(input[name=transactionId]) .field-error', /already/)).toBe(
      'This transaction id has already been submitted.',
    );
    expect(await page.getByText('This transaction id has already been submitted.').count()).toBe(1);
    expect(await page.locator('[data-testid=error]').count()).toBe(0);
    await shot(page, 'funds-duplicate-desktop');
    await page.locator('input[name=transactionId]').press('End');
    await page.locator('input[name=transactionId]').press('2');
    expect(await txError.count()).toBe(0);
    expect(await page.locator('[data-testid=deposits] tbody tr').count()).toBe(1);
  });

  it('on a phone the funds page fits the screen, its requests a list of cards', async () => {
    const { page } = customer;
    await page.setViewportSize(PHONE);
    await open(page, '/user/funds');
    const row = page.locator('[data-testid=deposits] tbody tr').first();
    await row.waitFor();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'funds-phone');
    await page.setViewportSize(WIDE);
  });

  let credited: Decimal;

  it('an admin approves it with a corrected amount; the row shows what was credited', async () => {
    const { page } = admin;
    await page.click('nav a:text-is("Deposits")');
    await page.waitForURL(/\/admin\/deposits$/);
    await open(page, '/admin/deposits');
    const row = page.locator('[data-testid=pending-deposits] tbody tr').filter({ hasText: 'TRX-WEB-0001' });
    await row.waitFor();
    const text = await row.textContent();
    for (const s of [DEMO.email, 'bKash', '1,000.00 BDT', '01811-000000', 'sent from my brother’s phone'])
      expect(text).toContain(s);
    await shot(page, 'admin-deposits-desktop');

    // What the statement showed: 950, not 1,000.
    const { body: users } = await call<{ users: Array<{ email: string; dollarRate: string }> }>(
      page,
      'GET',
      `/api/admin/users?search=${encodeURIComponent(DEMO.email)}`,
    );
    const demo = users.users.find((u) => u.email === DEMO.email)!;
    credited = new Decimal(
      depositCredit(
        { amount: '950', currency: 'BDT', feePercent: bkash.feePercent },
        { currency: 'USD', dollarRate: demo.dollarRate },
      ).creditedAmount,
    );

    await row.locator('input[name=approveAmount]').fill('950');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await row.locator('button:has-text("Approve")').click();
    await textOf(page, '[data-testid=row-notice]', /Approved/);
    expect(asked[0]).toContain('950.00 BDT (sent as 1,000.00 BDT)');
    expect(await row.getAttribute('data-status')).toBe('approved');
    expect(await row.locator('[data-testid=credited]').textContent()).toBe(`$${display(credited)}`);
    expect(await row.textContent()).toContain('approved as 950.00 BDT');
    expect(await row.locator('[data-testid=row-notice]').textContent()).toBe(
      `Approved: $${display(credited)} credited; balance now $${display(credited.plus(100))}.`,
    );
    expect(await row.locator('button:has-text("Approve")').count()).toBe(0);
    await shot(page, 'admin-deposits-approved-desktop');
  });

  it('the customer’s header balance and transactions show the deposit, with the balance after', async () => {
    const { page } = customer;
    const after = credited.plus(100);
    // Still on /user/funds from before: a page change reads the balance again.
    await page.click('nav a:text-is("Transactions")');
    await page.waitForURL(/\/user\/transactions$/);
    expect(await textOf(page, '[data-testid=balance]', new RegExp(display(after).replace('.', '\\.')))).toBe(
      `$${display(after)}`,
    );
    const row = page.locator('[data-testid=transactions] tbody tr').first();
    await row.waitFor();
    expect(await row.getAttribute('data-kind')).toBe('deposit');
    expect(await row.locator('td[data-label=Kind]').textContent()).toBe('Deposit');
    expect(await row.locator('[data-testid=amount]').textContent()).toBe(`+$${credited.toFixed(2)}`);
    expect(await row.locator('[data-testid=balance-after]').textContent()).toBe(`$${after.toFixed(2)}`);
    expect(await row.locator('td[data-label=For]').textContent()).toBe('Deposit TRX-WEB-0001');
    expect(await row.locator('td[data-label=Date]').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // Filters: no charge yet; deposits today.
    await page.selectOption('select[name=kind]', 'charge');
    await page.locator('[data-testid=no-transactions]').waitFor();
    await page.selectOption('select[name=kind]', 'deposit');
    await row.waitFor();
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.fill('input[name=from]', today);
    await page.fill('input[name=to]', today);
    // Today's deposits: this one and the demo customer's opening 100.00 (an admin credit, no request).
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=transactions] tbody tr')];
      return rows.length === 2 && rows.every((r) => r.getAttribute('data-kind') === 'deposit');
    });
    const opening = page.locator('[data-testid=transactions] tbody tr').nth(1);
    expect(await opening.locator('[data-testid=amount]').textContent()).toBe('+$100.00');
    expect(await opening.locator('td[data-label=For]').textContent()).toBe('—');
    await page.fill('input[name=from]', '2001-01-01');
    await page.fill('input[name=to]', '2001-01-31');
    await page.locator('[data-testid=no-transactions]').waitFor();
    await page.click('button:has-text("Clear")');
    await row.waitFor();
    await shot(page, 'transactions-desktop');

    // A reload reads it too, and the request shows what was credited.
    await open(page, '/user/funds');
    expect(await textOf(page, '[data-testid=balance]', /\$/)).toBe(`$${display(after)}`);
    const request = page.locator('[data-testid=deposits] tbody tr').filter({ hasText: 'TRX-WEB-0001' });
    await request.waitFor();
    expect(await request.locator('.badge').textContent()).toBe('Approved');
    expect(await request.locator('[data-testid=credited]').textContent()).toBe(`$${display(credited)}`);

    await page.setViewportSize(PHONE);
    await open(page, '/user/transactions');
    await row.waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'transactions-phone');
    await page.setViewportSize(WIDE);
  });

  it('a rejection shows its reason on the customer’s list', async () => {
    const { page } = customer;
    await open(page, '/user/funds');
    await page.selectOption('select[name=methodId]', bkash.id);
    await page.fill('input[name=amount]', '700');
    await page.fill('input[name=transactionId]', 'TRX-WEB-0002');
    await page.click('button[type=submit]');
    await textOf(page, '[data-testid=created-deposit]', /TRX-WEB-0002/);

    const a = admin.page;
    await open(a, '/admin/deposits');
    const row = a.locator('[data-testid=pending-deposits] tbody tr').filter({ hasText: 'TRX-WEB-0002' });
    await row.waitFor();
    expect(await row.locator('button:has-text("Reject")').isDisabled()).toBe(true);
    await row.locator('input[name=rejectReason]').fill('No such payment in our bKash statement');
    await row.locator('button:has-text("Reject")').click();
    await textOf(a, '[data-testid=row-notice]', /Rejected/);
    expect(await row.getAttribute('data-status')).toBe('rejected');
    expect(await row.textContent()).toContain('Reason: No such payment in our bKash statement');

    await page.reload();
    const mine = page.locator('[data-testid=deposits] tbody tr').filter({ hasText: 'TRX-WEB-0002' });
    await mine.waitFor();
    expect(await mine.locator('.badge').textContent()).toBe('Rejected');
    expect(await mine.locator('td[data-label=Result]').textContent()).toContain(
      'Reason: No such payment in our bKash statement',
    );
    await shot(page, 'funds-rejected-desktop');
  });

  it('a deposit another admin decided meanwhile: said plainly, and the row refreshed', async () => {
    const sent = await call<{ deposit: Deposit }>(customer.page, 'POST', '/api/user/deposits', {
      methodId: bkash.id,
      amount: '600',
      transactionId: 'TRX-WEB-0003',
    });
    expect(sent.status).toBe(201);
    const { page } = admin;
    await open(page, '/admin/deposits');
    const row = page.locator('[data-testid=pending-deposits] tbody tr').filter({ hasText: 'TRX-WEB-0003' });
    await row.waitFor();
    // The other admin, first.
    const other = await call(page, 'POST', `/api/admin/deposits/${sent.body.deposit.id}/reject`, {
      reason: 'duplicate of an earlier request',
    });
    expect(other.status).toBe(200);
    page.once('dialog', (d) => void d.accept());
    await row.locator('button:has-text("Approve")').click();
    expect(await textOf(page, '[data-testid=pending-deposits] [data-testid=error]', /Already/)).toBe(
      'Already decided by another admin; refreshed.',
    );
    expect(await row.getAttribute('data-status')).toBe('rejected');
    expect(await row.textContent()).toContain('duplicate of an earlier request');

    // All deposits, found by the wallet's reference (any case) and by status.
    await page.fill('input[name=transactionId]', 'trx-web-0001');
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid=all-deposits] tbody tr');
      return rows.length === 1 && rows[0]?.textContent?.includes('TRX-WEB-0001');
    });
    await page.fill('input[name=transactionId]', '');
    await page.selectOption('select[name=status]', 'rejected');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=all-deposits] tbody tr')];
      return rows.length === 2 && rows.every((r) => r.getAttribute('data-status') === 'rejected');
    });
    await shot(page, 'admin-deposits-search-desktop');
    await page.setViewportSize(PHONE);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'admin-deposits-phone');
    await page.setViewportSize(WIDE);
  });

  it('with 5 requests waiting, another is refused for the whole form', async () => {
    const { page } = customer;
    for (let i = 1; i <= 5; i++) {
      const r = await call(page, 'POST', '/api/user/deposits', {
        methodId: bkash.id,
        amount: '500',
        transactionId: `TRX-WAIT-${i}`,
      });
      expect(r.status).toBe(201);
    }
    await open(page, '/user/funds');
    await page.selectOption('select[name=methodId]', bkash.id);
    await page.fill('input[name=amount]', '500');
    await page.fill('input[name=transactionId]', 'TRX-WAIT-6');
    await page.click('button[type=submit]');
    expect(await textOf(page, '[data-testid=error]', /waiting/)).toBe(
      'You already have 5 requests waiting for approval.',
    );
    expect(await page.locator('.field-error').count()).toBe(0);
  });

  it('an admin adds, edits and deletes a payment method', async () => {
    const { page } = admin;
    await page.click('nav a:text-is("Payment methods")');
    await page.waitForURL(/\/admin\/payment-methods$/);
    await open(page, '/admin/payment-methods');
    await page.locator(`[data-testid=payment-methods] tr[data-method-id="${bkash.id}"]`).waitFor();

    await page.click('button:has-text("Add payment method")');
    const form = page.locator('[data-testid=payment-method-form]');
    await form.locator('input[name=name]').fill('Nagad');
    await form.locator('select[name=kind]').selectOption('mobile_wallet');
    await form.locator('select[name=currency]').selectOption('BDT');
    await form.locator('input[name=account]').fill('01911-222333');
    await form
      .locator('textarea[name=instructions]')
      .fill('Open Nagad, choose Send Money.\nSend to 01911-222333.');
    await form.locator('input[name=minAmount]').fill('200');
    await form.locator('input[name=maxAmount]').fill('10000');
    await form.locator('input[name=feePercent]').fill('0');
    await form.locator('input[name=sortOrder]').fill('2');
    await shot(page, 'admin-payment-methods-form-desktop');
    await form.locator('button[type=submit]').click();
    expect(await textOf(page, '[data-testid=notice]', /added/)).toBe('Nagad added.');
    const names = () => page.locator('[data-testid=payment-methods] tbody tr td[data-label=Name] strong');
    expect(await names().allTextContents()).toEqual(['bKash', 'Nagad']);

    const { body: listed } = await call<{ items: Method[] }>(page, 'GET', '/api/admin/payment-methods');
    const nagad = listed.items.find((m) => m.name === 'Nagad')!;
    expect(nagad).toMatchObject({ currency: 'BDT', active: true, sortOrder: 2 });
    expect(new Decimal(nagad.maxAmount).eq(10000)).toBe(true);

    // Edit: a higher limit, first in the list, and closed for now.
    const row = page.locator(`[data-testid=payment-methods] tr[data-method-id="${nagad.id}"]`);
    await row.locator('button:has-text("Edit")').click();
    expect(await form.locator('input[name=maxAmount]').inputValue()).toBe('10000');
    await form.locator('input[name=maxAmount]').fill('15000');
    await form.locator('input[name=sortOrder]').fill('0');
    await form.locator('input[name=active]').uncheck();
    await form.locator('button[type=submit]').click();
    expect(await textOf(page, '[data-testid=notice]', /saved/)).toBe('Nagad saved.');
    expect(await names().allTextContents()).toEqual(['Nagad', 'bKash']);
    expect(await row.locator('td[data-label=Amount]').textContent()).toBe('200.00 – 15,000.00 BDT');
    expect(await row.locator('.badge').textContent()).toBe('inactive');
    // Customers only see active methods.
    const { body: offered } = await call<{ items: Method[] }>(
      customer.page,
      'GET',
      '/api/user/payment-methods',
    );
    expect(offered.items.map((m) => m.name)).toEqual(['bKash']);
    await shot(page, 'admin-payment-methods-desktop');
    await page.setViewportSize(PHONE);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'admin-payment-methods-phone');
    await page.setViewportSize(WIDE);

    // Delete asks first; no keeps it.
    page.once('dialog', (d) => void d.dismiss());
    await row.locator('button:has-text("Delete")').click();
    expect(await row.count()).toBe(1);
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await row.locator('button:has-text("Delete")').click();
    expect(await textOf(page, '[data-testid=notice]', /deleted/)).toContain('Nagad deleted (archived).');
    expect(asked[0]).toMatch(/archived/);
    expect(await row.count()).toBe(0);
    const { body: left } = await call<{ items: Method[] }>(page, 'GET', '/api/admin/payment-methods');
    expect(left.items.map((m) => m.name)).toEqual(['bKash']);
    await admin.context.close();
    await customer.context.close();
  });
});
