import { Decimal } from 'decimal.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, shot, textOf } from './browser.ts';
import { FAST_ORDERS, fitsWidth, startPanelSession } from './panel-harness.ts';

// Issue 18's customer pages: /register, /services (with the average completion time of our own
// orders), /user/account (a password change), against the whole panel as `npm start` runs it — which
// opens registration (infra/start sets ALLOW_REGISTRATION=true for the gateway) — in a real Chromium.
const p = await startPanelSession('web-customer', FAST_ORDERS);
const { t, fresh, open, signIn, request: call } = p;
const DEMO = p.demo;
const _ADMIN = p.admin;
const NEWCOMER = {
  email: `newcomer-${Date.now()}@example.com`,
  name: 'Nadia Newcomer',
  password: 'first-password-1',
  newPassword: 'second-password-2',
};

/** The message shown on a form field. */
function fieldError(page: Page, name: string) {
  return page.locator(`label.field:has([name=${name}]) .field-error`);
}

/** A rate as the services list shows it: 2 places, 4 below 0.01, grouped, with the currency. */
function rateText(rate: string, currency: string): string {
  const d = new Decimal(rate);
  const places = !d.isZero() && d.abs().lt('0.01') ? 4 : 2;
  const [int = '0', frac] = d.toFixed(places, Decimal.ROUND_HALF_UP).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return currency === 'USD' ? `$${grouped}.${frac}` : `${grouped}.${frac} ${currency}`;
}

interface Listing {
  id: string;
  number: number;
  name: string;
  categoryId: string;
  categoryName: string;
  type: string;
  ratePer1000: string;
  min: number;
  max: number;
  avgCompletionSeconds: number | null;
}

/** The service the newcomer will look for (the sandbox's TikTok Views, sold in every seed). */
const WANTED = 'TikTok Views';
/** What its one completed order is made to have taken (2 h 15 min), so the shown average is exact. */
const TOOK_S = 2 * 3600 + 15 * 60;

describe('customer pages: register, services, account', () => {
  let wanted: Listing;

  it('a completed order of the service gives it an average time (the demo customer, through the real system)', async () => {
    const { context, page } = await fresh();
    await signIn(page, DEMO);
    const { body: catalog } = await call<{ services: Listing[] }>(page, 'GET', '/api/user/services');
    wanted = catalog.services.find((s) => s.name === WANTED)!;
    expect(wanted).toBeDefined();
    // Nothing completed yet on a fresh panel.
    expect(catalog.services.every((s) => s.avgCompletionSeconds === null)).toBe(true);

    const placed = await call<{ orderIds: string[] }>(page, 'POST', '/api/user/create-orders', {
      categoryId: wanted.categoryId,
      serviceId: wanted.id,
      link: 'https://tiktok.com/@web-average',
      qty: wanted.min,
    });
    expect(placed.status).toBe(201);
    const orderId = placed.body.orderIds[0]!;
    // Forwarded to the sandbox, finished there, brought home by status sync.
    const deadline = Date.now() + 60_000;
    let status = '';
    while (Date.now() < deadline) {
      const { body } = await call<{ order: { status: string } }>(page, 'GET', `/api/user/orders/${orderId}`);
      status = body.order.status;
      if (status === 'completed') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe('completed');
    const { body: after } = await call<{ services: Listing[] }>(page, 'GET', '/api/user/services');
    const real = after.services.find((s) => s.id === wanted.id)!.avgCompletionSeconds;
    expect(real).not.toBeNull();
    expect(real).toBeLessThan(120);

    // The real order took seconds; for an exact "~2 h 15 min" below, it is made to have taken longer.
    await t.sql`update orders set created_at = completed_at - make_interval(secs => ${TOOK_S})
                where id = ${orderId}`;
    await context.close();
  });

  it('a visitor finds "Create an account" on the login page; the form says its rules on the fields', async () => {
    const { context, page } = await fresh();
    await open(page, '/login');
    await page.locator('[data-testid=register-link] a').click();
    await page.waitForURL(/\/register$/);
    await open(page, '/register');
    expect(await page.title()).toContain('Create an account');
    expect(await textOf(page, '[data-testid=password-rule]', /characters/)).toBe('at least 8 characters');

    // Shapes first, on their fields, before anything is sent.
    await page.fill('input[name=email]', 'not-an-email');
    await page.fill('input[name=password]', 'short');
    await page.click('button[type=submit]');
    expect(await fieldError(page, 'email').textContent()).toBe(
      'Write your email address, like name@example.com.',
    );
    expect(await fieldError(page, 'name').textContent()).toBe('Write your name.');
    expect(await fieldError(page, 'password').textContent()).toBe(
      'The password must be at least 8 characters.',
    );
    await shot(page, 'register-errors-desktop');

    // An email with an account already: the server's EMAIL_TAKEN, on the email field.
    await page.fill('input[name=email]', DEMO.email);
    expect(await fieldError(page, 'email').count()).toBe(0);
    await page.fill('input[name=name]', NEWCOMER.name);
    await page.fill('input[name=password]', NEWCOMER.password);
    await page.click('button[type=submit]');
    expect(await textOf(page, 'label.field:has([name=email]) .field-error', /exists/)).toBe(
      'An account with this email already exists: sign in instead.',
    );
    expect(await page.locator('[data-testid=error]').count()).toBe(0);

    // A new customer, in BDT: signed in at once, on the services list.
    await page.fill('input[name=email]', NEWCOMER.email);
    await page.selectOption('select[name=currency]', 'BDT');
    await shot(page, 'register-desktop');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/services$/);
    expect(await textOf(page, '.topbar .email', /@/)).toBe(NEWCOMER.email);
    expect(await textOf(page, '[data-testid=balance]', /0\.00/)).toBe('0.00 BDT');
    const { body: me } = await call<{
      user: { email: string; name: string; currency: string; role: string };
    }>(page, 'GET', '/api/user/me');
    expect(me.user).toMatchObject({
      email: NEWCOMER.email,
      name: NEWCOMER.name,
      currency: 'BDT',
      role: 'user',
    });
    await context.close();
  });

  it('the newcomer finds the service by name and by number, with its price and average time, and orders it', async () => {
    const { context, page } = await fresh();
    await signIn(page, NEWCOMER);
    await page.click('nav a:text-is("Services")');
    await page.waitForURL(/\/services$/);
    await open(page, '/services');
    const rows = page.locator('[data-testid=services] tbody tr');
    await rows.first().waitFor();
    const { body: catalog } = await call<{ currency: string; services: Listing[] }>(
      page,
      'GET',
      '/api/user/services',
    );
    expect(catalog.currency).toBe('BDT');
    expect(await rows.count()).toBe(catalog.services.length);
    const mine = catalog.services.find((s) => s.id === wanted.id)!;
    expect(mine.avgCompletionSeconds).toBe(TOOK_S);
    await shot(page, 'services-desktop');

    // By part of its name, in any case.
    await page.fill('input[name=search]', 'tiktok');
    await page.waitForFunction((id) => {
      const shown = [...document.querySelectorAll('[data-testid=services] tbody tr')];
      return shown.length >= 1 && shown.some((r) => r.getAttribute('data-service-id') === id);
    }, wanted.id);
    const row = page.locator(`[data-testid=services] tbody tr[data-service-id="${wanted.id}"]`);
    for (const name of await page.locator('[data-testid=service-name]').allTextContents()) {
      expect(name.toLowerCase()).toContain('tiktok');
    }
    expect(await row.locator('[data-testid=service-number]').textContent()).toBe(`#${mine.number}`);
    expect(await row.locator('[data-testid=service-name]').textContent()).toBe(WANTED);
    expect(await row.locator('td[data-label=Category]').textContent()).toBe(mine.categoryName);
    expect(await row.locator('[data-testid=service-rate]').textContent()).toBe(
      `${rateText(mine.ratePer1000, 'BDT')} per 1000`,
    );
    expect(await row.locator('td[data-label="Min / max"]').textContent()).toBe(
      `${mine.min.toLocaleString('en-US')} / ${mine.max.toLocaleString('en-US')}`,
    );
    expect(await row.locator('td[data-label=Options] .tag').allTextContents()).toEqual(['Refill', 'Cancel']);
    expect(await row.locator('[data-testid=service-average]').textContent()).toBe('~2 h 15 min');
    // A service with no completed order says so plainly.
    await page.fill('input[name=search]', '');
    const other = catalog.services.find((s) => s.avgCompletionSeconds === null)!;
    expect(
      await page
        .locator(
          `[data-testid=services] tbody tr[data-service-id="${other.id}"] [data-testid=service-average]`,
        )
        .textContent(),
    ).toBe('—');

    // By its number, as customers quote it; and a category that does not hold it hides it.
    await page.fill('input[name=search]', `#${mine.number}`);
    await page.waitForFunction((n) => {
      const shown = [...document.querySelectorAll('[data-testid=services] tbody tr')];
      return shown.length >= 1 && shown.every((r) => (r.getAttribute('data-number') ?? '').startsWith(n));
    }, String(mine.number));
    await row.waitFor();
    const elsewhere = catalog.services.find((s) => s.categoryId !== mine.categoryId)!;
    await page.selectOption('select[name=category]', elsewhere.categoryId);
    await page.locator('[data-testid=no-services]').waitFor();
    expect(await page.locator('[data-testid=no-services]').textContent()).toBe('No service matches.');
    await page.selectOption('select[name=category]', mine.categoryId);
    await row.waitFor();
    expect(await page.locator('[data-testid=services-count]').textContent()).toMatch(
      new RegExp(`^1 of ${catalog.services.length} services$`),
    );
    await shot(page, 'services-search-desktop');

    // "Order": the new-order page with that service chosen.
    await row.locator('[data-testid=order-service]').click();
    await page.waitForURL(
      (u) => u.pathname === '/user/orders/create' && u.searchParams.get('service') === wanted.id,
    );
    await page.locator('[data-testid=service-facts]').waitFor();
    expect(await page.inputValue('select[name=category]')).toBe(mine.categoryId);
    expect(await page.inputValue('select[name=service]')).toBe(wanted.id);
    await shot(page, 'services-order-desktop');

    // On a phone: the list is cards, and nothing is wider than the screen.
    await page.setViewportSize(PHONE);
    await open(page, '/services');
    await rows.first().waitFor();
    expect(await rows.first().evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'services-phone');
    await page.fill('input[name=search]', 'tiktok');
    await row.waitFor();
    expect(await row.locator('[data-testid=service-average]').textContent()).toBe('~2 h 15 min');
    await row.locator('[data-testid=order-service]').click();
    await page.waitForURL(/\/user\/orders\/create\?service=/);
    await page.locator('[data-testid=service-facts]').waitFor();
    expect(await page.inputValue('select[name=service]')).toBe(wanted.id);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'services-order-phone');
    await context.close();
  });

  it('the newcomer changes their password; the old one no longer signs in, the new one does', async () => {
    const { context, page } = await fresh();
    await signIn(page, NEWCOMER);
    await page.click('nav a:text-is("Account")');
    await page.waitForURL(/\/user\/account$/);
    await open(page, '/user/account');
    expect(await textOf(page, '[data-testid=account-facts]', /@/)).toContain(NEWCOMER.email);
    expect(await textOf(page, '[data-testid=password-rule]', /characters/)).toBe('at least 8 characters');

    // The two new ones differ: said on the second, nothing sent.
    await page.fill('input[name=currentPassword]', NEWCOMER.password);
    await page.fill('input[name=newPassword]', NEWCOMER.newPassword);
    await page.fill('input[name=repeatPassword]', `${NEWCOMER.newPassword}x`);
    await page.click('[data-testid=password-form] button[type=submit]');
    expect(await fieldError(page, 'repeatPassword').textContent()).toBe(
      'The two new passwords differ: write the same one twice.',
    );

    // A wrong current password: the server's answer, on that field.
    await page.fill('input[name=repeatPassword]', NEWCOMER.newPassword);
    expect(await fieldError(page, 'repeatPassword').count()).toBe(0);
    await page.fill('input[name=currentPassword]', 'not-my-password');
    await page.click('[data-testid=password-form] button[type=submit]');
    expect(await textOf(page, 'label.field:has([name=currentPassword]) .field-error', /wrong/)).toBe(
      'The current password is wrong.',
    );
    await shot(page, 'account-wrong-password-desktop');

    await page.fill('input[name=currentPassword]', NEWCOMER.password);
    await page.click('[data-testid=password-form] button[type=submit]');
    expect(await textOf(page, '[data-testid=notice]', /Password changed/)).toContain('Password changed.');
    expect(await page.inputValue('input[name=newPassword]')).toBe('');
    await shot(page, 'account-desktop');

    // This session stays; a new sign-in needs the new password.
    await page.click('button:has-text("Log out")');
    await page.waitForURL(/\/login$/);
    await page.fill('input[name=email]', NEWCOMER.email);
    await page.fill('input[name=password]', NEWCOMER.password);
    await page.click('button[type=submit]');
    await page
      .getByText(/wrong email or password/i)
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=password]', NEWCOMER.newPassword);
    await page.click('button[type=submit]');
    await page.waitForURL((u) => u.pathname !== '/login');
    expect(await textOf(page, '.topbar .email', /@/)).toBe(NEWCOMER.email);

    // On a phone the account page fits the screen.
    await page.setViewportSize(PHONE);
    await open(page, '/user/account');
    await page.locator('[data-testid=password-form]').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'account-phone');
    await context.close();
  });

  it('on a phone the register page fits the screen', async () => {
    const { context, page } = await fresh(PHONE);
    await open(page, '/register');
    await page.locator('[data-testid=register-form]').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'register-phone');
    await context.close();
  });

  it('when registration is closed, /register says so and the login page offers no link', async () => {
    const { context, page } = await fresh();
    // This panel has registration open (npm start opens it); the closed answer of
    // GET /api/auth/config is the gateway's own (tested there), played here to the page.
    await page.route('**/api/auth/config', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ success: true, registration: false, passwordMinLength: 8 }),
      }),
    );
    await open(page, '/register');
    const closed = page.locator('[data-testid=registration-closed]');
    await closed.waitFor();
    expect(await closed.locator('h1').textContent()).toBe('Registration is closed');
    expect(await page.locator('[data-testid=register-form]').count()).toBe(0);
    expect(await page.title()).toContain('Registration closed');
    await shot(page, 'register-closed-desktop');
    await closed.locator('a:text-is("Sign in")').click();
    await page.waitForURL(/\/login$/);
    await page.locator('input[name=email]').waitFor();
    // The login page asked too, and shows no way to a closed registration.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-testid=register-link]').count()).toBe(0);
    await context.close();
  });
});
