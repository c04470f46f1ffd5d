import { freePort, startPanel } from '@smm/start/test/panel-process.ts';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import { Decimal } from 'decimal.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, shot, textOf } from './browser.ts';

// The whole panel as `npm start` runs it (real processes, Postgres, Redis, the sandbox provider),
// its pages in a real Chromium. Nothing of the API is mocked.
// biome-ignore lint/correctness/useHookAtTopLevel: a vitest helper, not a React hook
const t = await useTestDatabase();
const prefix = testPrefix('web');
const redisUrl = testRedisUrl();
const [port, forwarderPort, syncPort, sandboxPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
];
const DEMO = { email: 'demo@example.com', password: 'demo-password-web' };
const ADMIN = { email: 'admin@example.com', password: 'admin-password-web' };
const SANDBOX_KEY = 'sandbox-key-never-shown';

const panel = startPanel({
  NODE_ENV: 'development',
  DATABASE_URL: t.url,
  REDIS_URL: redisUrl,
  BULL_PREFIX: prefix,
  PORT: String(port),
  FORWARDER_PORT: String(forwarderPort),
  STATUS_SYNC_PORT: String(syncPort),
  SANDBOX_PORT: String(sandboxPort),
  SANDBOX_API_KEY: SANDBOX_KEY,
  SANDBOX_ORDER_DURATION_MS: '2000',
  SANDBOX_PARTIAL_RATE: '0',
  SANDBOX_CANCEL_RATE: '0',
  SYNC_INTERVAL_MS: '60000',
  SYNC_POLL_SCALE: '0.02',
  FORWARD_FIRST_STATUS_CHECK_MS: '1000',
  DEMO_PASSWORD: DEMO.password,
  ADMIN_PASSWORD: ADMIN.password,
  ORDER_RATE_MAX: '10000',
  LOGIN_RATE_MAX: '10000',
  LOG_LEVEL: 'warn',
});
const base = `http://127.0.0.1:${port}`;

let browser: Browser;
beforeAll(async () => {
  [browser] = await Promise.all([launchBrowser(), panel.waitFor('SMM panel is running', 90_000)]);
});
afterAll(async () => {
  await browser?.close();
  await panel.stop();
  await deletePrefix(redisUrl, prefix);
});

async function signedIn(who: { email: string; password: string }, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, baseURL: base });
  const page = await context.newPage();
  await page.goto('/login');
  await page.fill('input[name=email]', who.email);
  await page.fill('input[name=password]', who.password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname !== '/login');
  return { context, page };
}

/** Money as the pages show it: 2 places, or up to 6 when it has more (amounts here are < 1000). */
function display(d: Decimal): string {
  return d.toFixed(Math.max(2, Math.min(6, d.decimalPlaces())));
}

/** The API, from inside the page: the session cookie is all it sends. */
async function apiGet<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: 'same-origin' });
    return { status: res.status, body: await res.json() };
  }, path);
}

describe('web pages against the real panel', () => {
  let customer: { context: BrowserContext; page: Page };

  it('the login page; an anonymous visitor is sent there', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: base });
    const page = await context.newPage();
    const res = await page.goto('/user/orders');
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForURL(/\/login\?next=%2Fuser%2Forders$/);
    await page.fill('input[name=email]', DEMO.email);
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[type=submit]');
    expect(await textOf(page, '[data-testid=error]', /wrong email or password/)).toContain(
      'INVALID_CREDENTIALS',
    );
    await shot(page, 'login-desktop');
    await context.close();
  });

  it('a customer places an order with a live exact total and finds it in the history', async () => {
    customer = await signedIn(DEMO);
    const { page } = customer;
    await page.waitForURL(/\/user\/orders\/create$/);
    expect(await textOf(page, '[data-testid=balance]', /100\.00/)).toContain('$100.00');

    const { body: catalog } = await apiGet<{
      services: Array<{ id: string; categoryId: string; ratePer1000: string; min: number; type: string }>;
    }>(page, '/api/user/services');
    const service = catalog.services.find((s) => s.type === 'Default')!;
    await page.selectOption('select[name=category]', service.categoryId);
    await page.selectOption('select[name=service]', service.id);
    await page.locator('[data-testid=service-facts]').waitFor();

    // A bad link is refused by the API, and the page names the field.
    await page.fill('input[name=link]', 'not a link');
    await page.fill('input[name=quantity]', String(service.min));
    await page.click('button[type=submit]');
    expect(await textOf(page, '[data-testid=error]', /VALIDATION_ERROR/)).toMatch(/link/);

    const qty = service.min + 7;
    const total = new Decimal(service.ratePer1000)
      .times(qty)
      .div(1000)
      .toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
    await page.fill('input[name=link]', 'https://instagram.com/web-test');
    await page.fill('input[name=quantity]', String(qty));
    const shown = await page.locator('[data-testid=total]').textContent();
    expect(shown?.replace(/[$,]/g, '')).toBe(display(total));
    await shot(page, 'create-order-desktop');
    await page.click('button[type=submit]');
    await textOf(page, '[data-testid=notice]', /Order placed/);

    const left = new Decimal(100).minus(total);
    const { body: me } = await apiGet<{ user: { balance: string } }>(page, '/api/user/me');
    expect(me.user.balance).toBe(left.toFixed(6));
    expect(await textOf(page, '[data-testid=balance]', new RegExp(display(left).replace('.', '\\.')))).toBe(
      `$${display(left)}`,
    );

    await page.click('nav >> text=My orders');
    await page.waitForURL(/\/user\/orders$/);
    const row = page.locator('[data-testid=orders] tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('https://instagram.com/web-test');
    expect(await row.textContent()).toContain(`$${display(total)}`);
    await shot(page, 'orders-desktop');
  });

  it('a customer orders Custom Comments: the quantity and total follow the comment lines', async () => {
    const { page } = customer;
    await page.goto('/user/orders/create');
    const { body: catalog } = await apiGet<{
      services: Array<{ id: string; categoryId: string; ratePer1000: string; type: string }>;
    }>(page, '/api/user/services');
    const service = catalog.services.find((s) => s.type === 'Custom Comments')!;
    await page.selectOption('select[name=category]', service.categoryId);
    await page.selectOption('select[name=service]', service.id);
    await page.fill('input[name=link]', 'https://instagram.com/p/web-comments');
    await page.fill('textarea[name=comments]', 'Great post!\n\n  Love it  \nWow');
    expect(await page.inputValue('input[name=quantity]')).toBe('3');
    const total = new Decimal(service.ratePer1000)
      .times(3)
      .div(1000)
      .toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
    expect((await page.locator('[data-testid=total]').textContent())?.replace(/[$,]/g, '')).toBe(
      display(total),
    );
    await page.click('button[type=submit]');
    await textOf(page, '[data-testid=notice]', /Order placed/);
    const { body } = await apiGet<{ orders: Array<{ link: string; quantity: number; price: string }> }>(
      page,
      '/api/user/orders?limit=1',
    );
    expect(body.orders[0]).toMatchObject({
      link: 'https://instagram.com/p/web-comments',
      quantity: 3,
      price: total.toFixed(6),
    });
    await page.click('nav >> text=My orders');
    await page.waitForURL(/\/user\/orders$/);
    const row = page.locator('[data-testid=orders] tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('https://instagram.com/p/web-comments');
  });

  it('on a phone the history is a list of cards', async () => {
    await customer.page.setViewportSize(PHONE);
    await customer.page.reload();
    const row = customer.page.locator('[data-testid=orders] tbody tr').first();
    await row.waitFor();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await shot(customer.page, 'orders-phone');
    await customer.page.goto('/user/orders/create');
    await customer.page.locator('select[name=category]').waitFor();
    await shot(customer.page, 'create-order-phone');
  });

  it('a customer cannot open the admin pages (and the API says 403)', async () => {
    const { page } = customer;
    await page.setViewportSize(DESKTOP);
    for (const path of ['/admin/orders', '/admin/providers', '/admin/orders/sync', '/admin/orders/manual']) {
      await page.goto(path);
      await page.locator('[data-testid=not-allowed]').waitFor();
    }
    expect((await apiGet(page, '/api/admin/orders')).status).toBe(403);
    await customer.context.close();
  });

  it('an admin places a manual order, forwards it to the provider and forces a sync', async () => {
    const { page, context } = await signedIn(ADMIN);
    await page.waitForURL(/\/admin\/orders$/);

    // Manual order for the demo customer, on an imported (auto-mode) service: never auto-forwarded.
    await page.click('nav >> text=Manual order');
    await page.fill('input[name=userSearch]', 'demo@');
    await page.click(`.choices button:has-text("${DEMO.email}")`);
    const { body: svc } = await apiGet<{ services: Array<{ id: string; minOrder: number; type: string }> }>(
      page,
      '/api/admin/services?status=active',
    );
    const service = svc.services.find((s) => s.type === 'Default')!;
    await page.selectOption('select[name=service]', service.id);
    await page.fill('input[name=link]', 'https://instagram.com/web-manual');
    await page.fill('input[name=quantity]', String(service.minOrder));
    await page.fill('textarea[name=adminNotes]', 'placed from the browser test');
    await page.click('button[type=submit]');
    const orderId = await page.locator('[data-testid=manual-order-id]').textContent();
    expect(orderId).toMatch(/\w+/);
    await shot(page, 'admin-manual-order-desktop');

    await page.goto('/admin/orders?manual=true');
    const row = page.locator(`tr[data-order-id="${orderId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Pending');
    await shot(page, 'admin-orders-desktop');
    await row.locator('button:has-text("Actions")').click();
    await row.locator('button:has-text("Forward")').click();
    expect(await textOf(page, '[data-testid=notice]', /Forwarded/, 40_000)).toMatch(/provider order #\S+/);
    await row.locator('text=Processing').waitFor();

    // The sandbox finishes the order in ~2 s; a forced sync of this order brings it home.
    await new Promise((r) => setTimeout(r, 2_500));
    await row.locator('button:has-text("Sync now")').click();
    expect(await textOf(page, '[data-testid=notice]', /Synced/, 40_000)).toMatch(/Synced 1, changed 1/);
    await row.locator('text=Completed').waitFor();

    // The tabs count per status.
    const completedTab = page.locator('.tabs button[data-status=completed] .count');
    expect(Number(await completedTab.textContent())).toBeGreaterThanOrEqual(1);

    await page.setViewportSize(PHONE);
    await shot(page, 'admin-orders-phone');
    await page.setViewportSize(DESKTOP);

    // The sync page: overview and a sync of everything.
    await page.click('nav >> text=Sync');
    await page.locator('[data-testid=sync-overview]').waitFor();
    await page.click('button:has-text("Sync all orders now")');
    expect(await textOf(page, '[data-testid=sync-result]', /synced/, 40_000)).toMatch(
      /all orders: \d+ synced/,
    );
    await shot(page, 'admin-sync-desktop');
    await context.close();
  });

  it('providers: balance check, masked key only, import with markup', async () => {
    const { page, context } = await signedIn(ADMIN);
    await page.goto('/admin/providers');
    const card = page.locator('article.provider').first();
    await card.waitFor();
    expect(await card.locator('[data-testid=api-key-masked]').textContent()).toMatch(/^•+\S{1,4}$/);
    await card.locator('button:has-text("Check balance")').click();
    await textOf(page, '[data-testid=notice]', /balance/);
    await card.locator('input[aria-label="markup percent"]').fill('30');
    await card.locator('button:has-text("Import services")').click();
    await textOf(page, '[data-testid=notice]', /updated/);
    await card.locator('button:has-text("Edit")').click();
    expect(await card.locator('input[name=apiKey]').inputValue()).toBe('');
    expect(await page.content()).not.toContain(SANDBOX_KEY);
    await shot(page, 'admin-providers-desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'admin-providers-phone');
    await context.close();
  });

  it('the API docs and Bull Board render under their own strict CSP (nothing of theirs is blocked)', async () => {
    const { page, context } = await signedIn(ADMIN);
    // Every CSP refusal the page sees, as "directive blocked-uri".
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const violations = () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

    const board = await page.goto('/admin/queues');
    expect(board?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await textOf(page, 'body', /order-forward/, 30_000);
    await textOf(page, 'body', /status-sync/);
    // The queue's own page, its data from Bull Board's API: the app runs, not just its shell.
    await page.click('a:has-text("order-forward")');
    await textOf(page, 'body', /fwd-ord_\w+-\d+/, 30_000);
    // Only Bull Board's Google Fonts stylesheet is refused (the admin page loads nothing from elsewhere).
    expect((await violations()).filter((v) => !v.includes('fonts.googleapis.com'))).toEqual([]);
    await shot(page, 'bull-board-desktop');

    const docs = await page.goto('/docs');
    expect(docs?.headers()['content-security-policy']).toContain("script-src 'self'");
    await textOf(page, '.swagger-ui .info .title', /SMM panel gateway/, 30_000);
    await textOf(page, '.swagger-ui', /\/api\/auth\/login/);
    expect(await violations()).toEqual([]);
    await shot(page, 'api-docs-desktop');
    await context.close();
  });
});
