import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, shot, textOf, WIDE } from './browser.ts';
import { startPanelSession } from './panel-harness.ts';

// The "Quality" items of issue 18, as a customer and an admin see them, at a laptop's and a phone's
// width: the 404 page, the favicon, page titles, Bull Board's way in and out, the customer's status
// words, money and dates, order numbers, cancel, errors in plain words, the admin nav on a phone. The
// whole panel as `npm start` runs it; no page may log a console error.
const p = await startPanelSession('web-quality', {
  // Sandbox orders stay in progress for the whole file.
  SANDBOX_ORDER_DURATION_MS: '600000',
  SYNC_INTERVAL_MS: '60000',
});
const { t, base } = p;
const DEMO = p.demo;
const ADMIN = p.admin;
const visit = p.fresh;
const signedIn = p.signedIn;
const WIDTHS = [
  ['desktop', WIDE],
  ['phone', PHONE],
] as const;

/** The session cookie of a sign-in through the API, for setting things up as that person would. */
async function cookieOf(who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('token='));
  return cookie!.split(';')[0]!;
}

async function call<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

interface Listing {
  id: string;
  categoryId: string;
  name: string;
  ratePer1000: string;
  min: number;
  type: string;
  cancel: boolean;
}

/** A manual service (its orders wait for an admin: they stay Pending) at a rate under a cent per 1000. */
let cheap: Listing;
/** The customer's orders on it, by what the test does with each. */
const orders: Record<'review' | 'submitting' | 'waiting' | 'toCancel' | 'adminCancel', number> = {
  review: 0,
  submitting: 0,
  waiting: 0,
  toCancel: 0,
  adminCancel: 0,
};

beforeAll(async () => {
  const admin = await cookieOf(ADMIN);
  const customer = await cookieOf(DEMO);
  const { services } = await call<{ services: Listing[] }>(customer, 'GET', '/api/user/services');
  const some = services.find((s) => s.type === 'Default')!;
  await call(admin, 'POST', '/api/admin/services', {
    name: 'Quality views (manual)',
    categoryId: some.categoryId,
    rate: '0.5',
    rateUSD: '0.0045',
    minOrder: 1000,
    maxOrder: 1_000_000,
    mode: 'manual',
    cancel: true,
  });
  const again = await call<{ services: Listing[] }>(customer, 'GET', '/api/user/services');
  cheap = again.services.find((s) => s.name === 'Quality views (manual)')!;
  for (const key of Object.keys(orders) as Array<keyof typeof orders>) {
    const r = await call<{ orderNumbers: number[] }>(customer, 'POST', '/api/user/create-orders', {
      categoryId: cheap.categoryId,
      serviceId: cheap.id,
      link: `https://instagram.com/quality-${key}`,
      qty: 1000,
    });
    orders[key] = r.orderNumbers[0]!;
  }
  // States an order reaches only when something went wrong on the way to a provider.
  await t.sql`update orders set status = 'needs_review' where number = ${orders.review}`;
  await t.sql`update orders set status = 'submitting' where number = ${orders.submitting}`;
});
/** What the page's main area says, for checking nothing in it is a code or a validator's words. */
async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').textContent()) ?? '';
}

/**
 * Chromium logs every request the API refuses ("Failed to load resource: … status of 422"): only the
 * tests that send wrong input on purpose allow those lines, and nothing else.
 */
const REFUSED = /Failed to load resource: the server responded with a status of 4\d\d/;

const NOT_FOUND_PATHS = ['/nope', '/user/orders/123/x', '/admin/nope'];

const RAW = /[A-Z]{3,}_[A-Z_]+|body\.|Too small|expected|>=|Invalid input/;

function orderRow(page: Page, testId: string, number: number) {
  return page
    .locator(`[data-testid=${testId}] tbody tr`)
    .filter({ has: page.locator(`.order-number:text-is("#${number}")`) });
}

describe('quality: what every page gets right', () => {
  for (const [name, viewport] of WIDTHS) {
    it(`unknown paths show the "Page not found" page with a link home; API paths keep their JSON 404 (${name})`, async () => {
      const v = await visit(viewport);
      const { page } = v;
      for (const path of NOT_FOUND_PATHS) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(404);
        expect(res?.headers()['content-type']).toMatch(/^text\/html/);
        expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
        await textOf(page, '[data-testid=not-found] h1', /Page not found/);
        expect(await page.locator('[data-testid=not-found] code').textContent()).toBe(path);
        expect(await page.title()).toBe('Page not found · SMM panel');
      }
      await shot(page, `not-found-${name}`);
      await page.click('[data-testid=not-found] a:has-text("Back to the start")');
      await page.waitForURL(/\/login$/);

      // An operator's shortcuts: /user is the customer's orders page, a trailing slash is dropped.
      await page.goto('/user');
      await page.waitForURL(/\/login\?next=%2Fuser%2Forders$/);
      const slash = await page.goto('/admin/orders/?status=pending');
      expect(slash?.request().redirectedFrom()?.url()).toBe(`${base}/admin/orders/?status=pending`);
      await page.waitForURL(/\/login\?next=%2Fadmin%2Forders%3Fstatus%3Dpending$/);

      // The API's unknown paths stay JSON, even for a browser.
      const api = await page.request.get('/api/user/nope', { headers: { accept: 'text/html' } });
      expect(api.status()).toBe(404);
      expect(await api.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
      // A 404 page is a 404 response, which Chromium logs for the document itself; nothing else may appear.
      const own = (e: string) => /^(.*): Failed to load resource: .*status of 404/.exec(e)?.[1];
      expect(v.errors.filter((e) => !NOT_FOUND_PATHS.some((p) => own(e) === `${base}${p}`))).toEqual([]);
      await v.context.close();
    });
  }

  for (const [name, viewport] of WIDTHS) {
    it(`every page has the panel's icon: /favicon.svg, and /favicon.ico leads to it (${name})`, async () => {
      const v = await signedIn(DEMO, viewport);
      const { page } = v;
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      for (const path of ['/user/orders', '/user/funds', '/api']) {
        await page.goto(path);
        expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
      }
      const svg = await page.request.get('/favicon.svg');
      expect(svg.status()).toBe(200);
      expect(svg.headers()['content-type']).toMatch(/^image\/svg\+xml/);
      expect(await svg.text()).toContain('<svg');
      const ico = await page.request.get('/favicon.ico');
      expect(ico.url()).toBe(`${base}/favicon.svg`);
      expect(ico.status()).toBe(200);
      expect(failed).toEqual([]);
      expect(v.errors).toEqual([]);
      await v.context.close();
    });
  }

  for (const [name, viewport] of WIDTHS) {
    it(`each page names itself in the tab title (${name})`, async () => {
      const anon = await visit(viewport);
      await anon.page.goto('/login');
      await anon.page.locator('input[name=email]').waitFor();
      expect(await anon.page.title()).toBe('Sign in · SMM panel');
      await anon.context.close();

      const customer = await signedIn(DEMO, viewport);
      for (const [path, title] of [
        ['/user/orders/create', 'New order'],
        ['/user/orders', 'My orders'],
        ['/user/funds', 'Add funds'],
        ['/user/transactions', 'Transactions'],
        ['/api', 'API'],
      ] as const) {
        await customer.page.goto(path);
        await customer.page.waitForFunction((want) => document.title === want, `${title} · SMM panel`);
      }
      // Moving by the nav (no reload) retitles too.
      await customer.page.click('nav a:text-is("My orders")');
      await customer.page.waitForFunction(() => document.title === 'My orders · SMM panel');
      expect(customer.errors).toEqual([]);
      await customer.context.close();

      const admin = await signedIn(ADMIN, viewport);
      for (const [path, title] of [
        ['/admin/orders', 'Orders'],
        ['/admin/orders/manual', 'Manual order'],
        ['/admin/providers', 'Providers'],
        ['/admin/orders/sync', 'Sync'],
        ['/admin/deposits', 'Deposits'],
        ['/admin/payment-methods', 'Payment methods'],
      ] as const) {
        await admin.page.goto(path);
        await admin.page.waitForFunction((want) => document.title === want, `${title} · SMM panel`);
      }
      expect(admin.errors).toEqual([]);
      await admin.context.close();
    });
  }

  for (const [name, viewport] of WIDTHS) {
    it(`Bull Board: signed out, a browser is sent to sign in and back; its menu leads to the admin pages (${name})`, async () => {
      // A script gets the 401 it always got.
      const script = await fetch(`${base}/admin/queues`);
      expect(script.status).toBe(401);
      expect(await script.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });

      const v = await visit(viewport);
      const { page } = v;
      await page.goto('/admin/queues');
      await page.waitForURL(/\/login\?next=%2Fadmin%2Fqueues$/);
      await page.fill('input[name=email]', ADMIN.email);
      await page.fill('input[name=password]', ADMIN.password);
      await page.click('button[type=submit]');
      await page.waitForURL(/\/admin\/queues$/);
      await textOf(page, 'body', /order-forward/, 30_000);
      await shot(page, `bull-board-signed-in-${name}`);

      // Its header menu has the way back.
      await page.locator('header ul li:last-child button').click();
      await page.locator('a:has-text("Admin pages")').click();
      await page.waitForURL(/\/admin\/orders$/);
      await page.locator('[data-testid=admin-orders]').waitFor();
      expect(v.errors).toEqual([]);

      // Another site's address in next is not followed.
      await v.context.clearCookies();
      await page.goto('/login?next=//evil.example/x');
      await page.fill('input[name=email]', ADMIN.email);
      await page.fill('input[name=password]', ADMIN.password);
      await page.click('button[type=submit]');
      await page.waitForURL(/\/admin\/orders$/);
      await v.context.close();

      // Still admins only.
      const customer = await signedIn(DEMO, viewport);
      const refused = await customer.page.request.get('/admin/queues', { headers: { accept: 'text/html' } });
      expect(refused.status()).toBe(403);
      await customer.context.close();
    });
  }

  for (const [name, viewport] of WIDTHS) {
    it(`customers filter and read their orders in their own words; Pending includes orders waiting inside the panel (${name})`, async () => {
      const v = await signedIn(DEMO, viewport);
      const { page } = v;
      await page.goto('/user/orders');
      await orderRow(page, 'orders', orders.review).waitFor();
      const tabs = page.locator('[role=tablist] [role=tab]');
      await tabs.first().waitFor();
      // Each tab is its status word and its count.
      expect((await tabs.allTextContents()).map((t) => t.replace(/\s*\d+$/, ''))).toEqual([
        'All',
        'Pending',
        'Processing',
        'In progress',
        'Completed',
        'Partial',
        'Canceled',
      ]);
      // The orders an admin must review, or the panel is still sending, are Pending to the customer.
      expect(await orderRow(page, 'orders', orders.review).locator('.badge').textContent()).toBe('Pending');
      expect(await orderRow(page, 'orders', orders.submitting).locator('.badge').textContent()).toBe(
        'Pending',
      );
      expect(await mainText(page)).not.toMatch(/Needs review|Submitting/);

      await page.click('[role=tab][data-status=pending]');
      for (const n of [orders.review, orders.submitting, orders.waiting])
        await orderRow(page, 'orders', n).waitFor();
      const shown = await page
        .locator('[data-testid=orders] tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
      expect(new Set(shown)).toEqual(new Set(['pending']));
      await shot(page, `orders-pending-${name}`);

      await page.click('[role=tab][data-status=completed]');
      await textOf(page, '[data-testid=no-orders]', /No completed orders/);
      expect(v.errors).toEqual([]);
      await v.context.close();
    });
  }

  for (const [name, viewport] of WIDTHS) {
    it(`money has 2 places (4 under a cent), exact in its tooltip; dates read 2026-12-01 14:05; no balance for an admin (${name})`, async () => {
      const v = await signedIn(DEMO, viewport);
      const { page } = v;
      expect(await page.locator('[data-testid=balance]').textContent()).toMatch(
        /^\$\d{1,3}(,\d{3})*\.\d{2}$/,
      );

      await page.goto('/user/orders');
      const row = orderRow(page, 'orders', orders.waiting);
      await row.waitFor();
      // 1000 at 0.0045 per 1000: a charge under a cent is not "0.00".
      expect(await row.locator('td[data-label=Charge]').textContent()).toBe('$0.0045');
      expect(await row.locator('td[data-label=Order] .muted').textContent()).toMatch(
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
      );
      const charges = await page.locator('[data-testid=orders] td[data-label=Charge]').allTextContents();
      for (const c of charges) expect(c).toMatch(/^\$\d+\.(\d{2}|\d{4})$/);

      await page.goto('/user/orders/create');
      await page.selectOption('select[name=category]', cheap.categoryId);
      await page.selectOption('select[name=service]', cheap.id);
      const price = page.locator('[data-testid=service-facts] dd').first();
      expect(await price.textContent()).toBe('$0.0045 per 1000');
      // A quantity whose total has more places than shown: the exact one is in the tooltip.
      await page.fill('input[name=link]', 'https://instagram.com/quality-total');
      await page.fill('input[name=quantity]', '123457');
      expect(await textOf(page, '[data-testid=total]', /\$/)).toBe('$0.56');
      expect(await page.locator('[data-testid=total]').getAttribute('title')).toMatch(
        /^exactly \$0\.55555\d+$/,
      );
      await shot(page, `money-create-${name}`);
      expect(v.errors).toEqual([]);
      await v.context.close();

      const admin = await signedIn(ADMIN, viewport);
      const header = await admin.page.locator('header.topbar').textContent();
      expect(header).not.toMatch(/0\.00|BDT/);
      expect(await admin.page.locator('[data-testid=role]').textContent()).toBe('admin');
      expect(await admin.page.locator('[data-testid=balance]').count()).toBe(0);
      const adminRow = orderRow(admin.page, 'admin-orders', orders.waiting);
      await adminRow.waitFor();
      expect(await adminRow.locator('td[data-label=Charge]').textContent()).toBe('$0.0045');
      expect(await adminRow.locator('td[data-label=Order] .muted').textContent()).toMatch(
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
      );
      expect(admin.errors).toEqual([]);
      await admin.context.close();
    });
  }

  for (const [name, viewport] of WIDTHS) {
    it(`order lists show whole order numbers with a copy button (${name})`, async () => {
      const v = await signedIn(DEMO, viewport);
      const { page, context } = v;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await page.goto('/user/orders');
      const row = orderRow(page, 'orders', orders.waiting);
      await row.waitFor();
      const cell = row.locator('td[data-label=Order]');
      expect(await cell.locator('.order-number').textContent()).toBe(`#${orders.waiting}`);
      expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      expect(await mainText(page)).not.toMatch(/…[a-z0-9]{6,}/);
      await cell.locator('button:has-text("Copy")').click();
      await textOf(page, `[data-testid=orders] tr[data-status] td[data-label=Order] button`, /Copied/);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`#${orders.waiting}`);
      await shot(page, `orders-copy-${name}`);
      expect(v.errors).toEqual([]);
      await v.context.close();

      const admin = await signedIn(ADMIN, viewport);
      await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      const adminCell = orderRow(admin.page, 'admin-orders', orders.waiting).locator('td[data-label=Order]');
      await adminCell.waitFor();
      expect(await adminCell.locator('.order-number').textContent()).toBe(`#${orders.waiting}`);
      await adminCell.locator('button:has-text("Copy")').click();
      await textOf(admin.page, `[data-testid=admin-orders] td[data-label=Order] button`, /Copied/);
      expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(`#${orders.waiting}`);
      expect(admin.errors).toEqual([]);
      await admin.context.close();
    });
  }

  it('cancel asks first, and the row shows the order canceled after it (customer, then admin)', async () => {
    const v = await signedIn(DEMO, PHONE);
    const { page } = v;
    await page.goto('/user/orders');
    const row = orderRow(page, 'orders', orders.toCancel);
    await row.waitFor();
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await row.locator('button:has-text("Cancel")').click();
    expect(asked[0]).toMatch(new RegExp(`Cancel order #${orders.toCancel}\\?`));
    expect(await row.locator('.badge').textContent()).toBe('Pending');

    page.once('dialog', (d) => void d.accept());
    await row.locator('button:has-text("Cancel")').click();
    await textOf(
      page,
      '[data-testid=notice]',
      new RegExp(`Order #${orders.toCancel} canceled, \\$0\\.0045 refunded`),
    );
    await row.locator('.badge:text-is("Canceled")').waitFor();
    expect(await row.locator('button:has-text("Cancel")').count()).toBe(0);
    await shot(page, 'orders-canceled-phone');
    expect(v.errors).toEqual([]);
    await v.context.close();

    const admin = await signedIn(ADMIN, WIDE);
    const adminRow = orderRow(admin.page, 'admin-orders', orders.adminCancel);
    await adminRow.waitFor();
    await adminRow.locator('button:has-text("Actions")').click();
    const adminAsked: string[] = [];
    admin.page.once('dialog', (d) => {
      adminAsked.push(d.message());
      void d.dismiss();
    });
    await adminRow.locator('button:has-text("Cancel & refund")').click();
    expect(adminAsked[0]).toContain(`Cancel order #${orders.adminCancel}`);
    expect(await adminRow.locator('.badge').textContent()).toBe('Pending');
    admin.page.once('dialog', (d) => void d.accept());
    await adminRow.locator('button:has-text("Cancel & refund")').click();
    await adminRow.locator('.badge:text-is("Canceled")').waitFor();
    expect(await adminRow.locator('[data-testid=refunded]').textContent()).toBe('refunded $0.0045');
    expect(await adminRow.locator('button:has-text("Cancel & refund")').count()).toBe(0);
    await shot(admin.page, 'admin-orders-canceled-desktop');
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  for (const [name, viewport] of WIDTHS) {
    it(`errors are plain words, said once, on their field, and go when the field is edited (${name})`, async () => {
      // Sign-in.
      const v = await visit(viewport);
      const { page } = v;
      await page.goto('/login');
      await page.fill('input[name=email]', DEMO.email);
      await page.fill('input[name=password]', 'wrong-password');
      await page.click('button[type=submit]');
      expect(await textOf(page, '[data-testid=error]', /Wrong email or password/)).toBe(
        'Wrong email or password.',
      );
      expect(await mainText(page)).not.toMatch(RAW);
      await shot(page, `login-error-${name}`);
      await page.fill('input[name=password]', DEMO.password.slice(0, 3));
      expect(await page.locator('[data-testid=error]').count()).toBe(0);
      await page.fill('input[name=password]', DEMO.password);
      await page.click('button[type=submit]');
      await page.waitForURL(/\/user\/orders\/create$/);

      // A new order without a link, and with a quantity under the minimum.
      await page.selectOption('select[name=category]', cheap.categoryId);
      await page.selectOption('select[name=service]', cheap.id);
      await page.fill('input[name=quantity]', '1000');
      await page.click('button[type=submit]');
      const linkError = page.locator('label.field:has(input[name=link]) .field-error');
      expect(await linkError.textContent()).toBe('Write the full link, starting with https://.');
      expect(await page.getByText('Write the full link').count()).toBe(1);
      expect(await page.locator('[data-testid=error]').count()).toBe(0);
      expect(await mainText(page)).not.toMatch(RAW);
      await shot(page, `create-order-error-${name}`);
      await page.fill('input[name=link]', 'https://instagram.com/quality-errors');
      expect(await linkError.count()).toBe(0);

      await page.fill('input[name=quantity]', '10');
      const qtyError = page.locator('label.field:has(input[name=quantity]) .field-error');
      expect(await qtyError.textContent()).toBe('The quantity must be between 1,000 and 1,000,000.');
      await page.click('button[type=submit]');
      await textOf(page, 'label.field:has(input[name=quantity]) .field-error', /between/);
      expect(await page.getByText('The quantity must be between').count()).toBe(1);
      expect(await mainText(page)).not.toMatch(RAW);
      await page.fill('input[name=quantity]', '1000');
      expect(await qtyError.count()).toBe(0);
      expect(v.errors.filter((e) => !REFUSED.test(e))).toEqual([]);
      await v.context.close();

      // The manual order: the same words.
      const admin = await signedIn(ADMIN, viewport);
      await admin.page.goto('/admin/orders/manual');
      await admin.page.fill('input[name=userSearch]', 'demo@');
      await admin.page.click(`.choices button:has-text("${DEMO.email}")`);
      await admin.page
        .locator('select[name=service] option', { hasText: 'Quality views' })
        .waitFor({ state: 'attached' });
      const option = await admin.page
        .locator('select[name=service] option', { hasText: 'Quality views' })
        .getAttribute('value');
      await admin.page.selectOption('select[name=service]', option!);
      await admin.page.fill('input[name=quantity]', 'many');
      await admin.page.click('button[type=submit]');
      const manualLink = admin.page.locator('label.field:has(input[name=link]) .field-error');
      expect(await manualLink.textContent()).toBe('Write the full link, starting with https://.');
      expect(
        await admin.page.locator('label.field:has(input[name=quantity]) .field-error').textContent(),
      ).toBe('Write the quantity as a whole number.');
      expect(await admin.page.locator('[data-testid=error]').count()).toBe(0);
      expect(await mainText(admin.page)).not.toMatch(RAW);
      await shot(admin.page, `manual-order-error-${name}`);
      await admin.page.fill('input[name=link]', 'https://instagram.com/quality-manual');
      expect(await manualLink.count()).toBe(0);
      expect(await admin.page.locator('label.field:has(input[name=quantity]) .field-error').count()).toBe(1);
      await admin.page.fill('input[name=quantity]', '10');
      await admin.page.click('button[type=submit]');
      expect(await textOf(admin.page, 'label.field:has(input[name=quantity]) .field-error', /between/)).toBe(
        'The quantity must be between 1,000 and 1,000,000.',
      );
      expect(admin.errors.filter((e) => !REFUSED.test(e))).toEqual([]);
      await admin.context.close();
    });
  }

  it('on a phone the admin nav reaches every admin page', async () => {
    const v = await signedIn(ADMIN, PHONE);
    const { page } = v;
    const nav = page.locator('header nav');
    expect(await nav.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const pages = [
      ['Orders', '/admin/orders'],
      ['Manual order', '/admin/orders/manual'],
      ['Providers', '/admin/providers'],
      ['Sync', '/admin/orders/sync'],
      ['Deposits', '/admin/deposits'],
      ['Payment methods', '/admin/payment-methods'],
    ] as const;
    for (const [label] of pages) {
      const box = await nav.locator(`a:text-is("${label}")`).boundingBox();
      expect(box, label).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, label).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'admin-nav-phone');
    for (const [label, path] of pages) {
      await nav.locator(`a:text-is("${label}")`).click();
      await page.waitForURL((u) => u.pathname === path);
    }
    expect(v.errors).toEqual([]);
    await v.context.close();
  });
});
