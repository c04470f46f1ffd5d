import { spawnSync } from 'node:child_process';
import { Decimal } from 'decimal.js';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, shot, textOf, WIDE } from './browser.ts';
import { FAST_ORDERS, startPanelSession, type Who } from './panel-harness.ts';

// The whole panel as `npm start` runs it (real processes, Postgres, Redis, the sandbox provider),
// its pages in a real Chromium. Nothing of the API is mocked.
const p = await startPanelSession('web', {
  ...FAST_ORDERS,
  // Orders stay where the forwarder left them unless the test syncs them.
  SYNC_INTERVAL_MS: '60000',
});
const { base } = p;
const DEMO = p.demo;
const ADMIN = p.admin;
const SANDBOX_KEY = p.sandboxKey;
const hasPhp = spawnSync('php', ['-m'], { encoding: 'utf8' }).stdout?.match(/^curl$/im) != null;
const signedIn = (who: Who, viewport = DESKTOP) => p.signedIn(who, viewport);

/** Money as the pages show it: 2 places, 4 under 0.01 (rounded half up; the exact amount is its tooltip). */
function display(d: Decimal): string {
  return d.toFixed(!d.isZero() && d.abs().lt('0.01') ? 4 : 2, Decimal.ROUND_HALF_UP);
}

/** `#23501` on a page → 23501. */
function numberIn(text: string): number {
  const m = /#(\d+)/.exec(text);
  if (!m) throw new Error(`no order number in ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** Whether the element shows all of its text (nothing cut off or ellipsized). */
function shownWhole(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
}

/** A reseller's call to /api/v2 (form body), as a script elsewhere would make it. */
async function reseller(fields: Record<string, string>): Promise<unknown> {
  const res = await fetch(`${base}/api/v2`, { method: 'POST', body: new URLSearchParams(fields) });
  return res.json();
}

/** A GET of the API from inside the page: the session cookie is all it sends. */
function apiGet<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return p.request<T>(page, 'GET', path);
}

describe('web pages against the real panel', () => {
  let customer: { context: BrowserContext; page: Page };
  /** The number of the customer's first order, as its confirmation named it. */
  let placedNumber: number;

  it('the login page; an anonymous visitor is sent there', async () => {
    const { context, page } = await p.fresh(DESKTOP);
    const res = await page.goto('/user/orders');
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForURL(/\/login\?next=%2Fuser%2Forders$/);
    await page.fill('input[name=email]', DEMO.email);
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[type=submit]');
    expect(await textOf(page, '[data-testid=error]', /Wrong email or password/)).toBe(
      'Wrong email or password.',
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

    // A bad link is refused by the API, and the page says so on the field, in plain words.
    await page.fill('input[name=link]', 'not a link');
    await page.fill('input[name=quantity]', String(service.min));
    await page.click('button[type=submit]');
    expect(await textOf(page, 'label.field:has(input[name=link]) .field-error', /link/)).toBe(
      'Write the full link, starting with https://.',
    );

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
    placedNumber = numberIn(await textOf(page, '[data-testid=notice]', /Order #\d+ placed/));
    const { body: mine } = await apiGet<{ orders: Array<{ number: number; link: string }> }>(
      page,
      '/api/user/orders?limit=1',
    );
    expect(mine.orders[0]).toMatchObject({ number: placedNumber, link: 'https://instagram.com/web-test' });

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
    // The order's identity is its number, whole, as the confirmation named it.
    const shownNumber = row.locator('td[data-label=Order] .order-number');
    expect(await shownNumber.textContent()).toBe(`#${placedNumber}`);
    expect(await shownWhole(page, '[data-testid=orders] tbody tr:first-child td[data-label=Order]')).toBe(
      true,
    );
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
    const commentsNumber = numberIn(await textOf(page, '[data-testid=notice]', /Order #\d+ placed/));
    const { body } = await apiGet<{
      orders: Array<{ number: number; link: string; quantity: number; price: string }>;
    }>(page, '/api/user/orders?limit=1');
    expect(body.orders[0]).toMatchObject({
      number: commentsNumber,
      link: 'https://instagram.com/p/web-comments',
      quantity: 3,
      price: total.toFixed(6),
    });
    await page.click('nav >> text=My orders');
    await page.waitForURL(/\/user\/orders$/);
    const row = page.locator('[data-testid=orders] tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('https://instagram.com/p/web-comments');
    expect(await row.locator('.order-number').textContent()).toBe(`#${commentsNumber}`);
  });

  it('on a phone the history is a list of cards', async () => {
    await customer.page.setViewportSize(PHONE);
    await customer.page.reload();
    const row = customer.page.locator('[data-testid=orders] tbody tr').first();
    await row.waitFor();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await shownWhole(customer.page, '[data-testid=orders] tbody tr:first-child .order-number')).toBe(
      true,
    );
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

  /** The key the /api page showed last, and its PHP sample as shown, for the PHP test below. */
  let shownKey = '';
  let phpShown = '';
  let apiPage: { context: BrowserContext; page: Page };

  it('a customer creates an API key on /api: shown once with a copy button; rotating asks first and gives another', async () => {
    apiPage = await signedIn(DEMO, WIDE);
    const { page, context } = apiPage;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.click('nav a:text-is("API")');
    await page.waitForURL(/\/api$/);

    // The endpoint, every action and the error texts a script matches on.
    expect(await page.locator('[data-testid=endpoint]').textContent()).toBe(`${base}/api/v2`);
    const actions = await page.locator('[data-testid=api-actions] h3 code').allTextContents();
    expect(new Set(actions)).toEqual(
      new Set(['services', 'add', 'status', 'refill', 'refill_status', 'cancel', 'balance']),
    );
    const errors = await page.locator('[data-testid=api-errors]').textContent();
    for (const text of [
      'Invalid API key',
      'Incorrect order ID',
      'Too many requests',
      'Method not allowed: use GET or POST',
    ])
      expect(errors).toContain(text);
    expect(await page.locator('[data-testid=sample-php]').textContent()).toContain('class Api');
    expect(await page.locator('[data-testid=sample-sh]').textContent()).toContain(`curl -s ${base}/api/v2`);

    // No key yet: one is made and shown, with the warning that it is the only time.
    await page.click('button:has-text("Create API key")');
    const first = (await page.locator('[data-testid=api-key]').textContent()) ?? '';
    expect(first).toMatch(/^\S{20,}$/);
    expect(await page.locator('[data-testid=new-key]').textContent()).toContain('will not be shown again');
    await page.locator('[data-testid=new-key] button:has-text("Copy")').click();
    await textOf(page, '[data-testid=new-key] button', /Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    expect(await reseller({ key: first, action: 'balance' })).toMatchObject({ currency: 'USD' });
    await shot(page, 'api-key-desktop');

    // Away and back: the key is not shown again, only offered for rotation.
    await page.click('nav a:text-is("My orders")');
    await page.click('nav a:text-is("API")');
    await page.locator('button:has-text("Rotate key")').waitFor();
    expect(await page.locator('[data-testid=api-key]').count()).toBe(0);

    // Rotating asks first; saying no changes nothing.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.click('button:has-text("Rotate key")');
    expect(asked[0]).toMatch(/stops working at once/);
    expect(await page.locator('[data-testid=api-key]').count()).toBe(0);
    expect(await reseller({ key: first, action: 'balance' })).toMatchObject({ currency: 'USD' });

    page.once('dialog', (d) => void d.accept());
    await page.click('button:has-text("Rotate key")');
    await textOf(page, '[data-testid=new-key]', /previous key no longer works/);
    shownKey = (await page.locator('[data-testid=api-key]').textContent()) ?? '';
    expect(shownKey).toMatch(/^\S{20,}$/);
    expect(shownKey).not.toBe(first);
    expect(await reseller({ key: first, action: 'balance' })).toEqual({ error: 'Invalid API key' });
    expect(await reseller({ key: shownKey, action: 'balance' })).toMatchObject({ currency: 'USD' });
    await shot(page, 'api-desktop');
  });

  it('on a phone /api fits the screen and its code blocks scroll sideways', async () => {
    const { page } = apiPage;
    await page.setViewportSize(PHONE);
    await page.locator('[data-testid=sample-php] pre').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const php = page.locator('[data-testid=sample-php] pre');
    expect(await php.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
    expect(await php.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await shot(page, 'api-phone');
    phpShown = (await php.textContent()) ?? '';
    await apiPage.context.close();
  });

  it.runIf(hasPhp)('the PHP sample as /api shows it, with the new key, reads the balance', async () => {
    const client = phpShown.slice(0, phpShown.indexOf('// Examples')).replace('YOUR_API_KEY', shownKey);
    const run = spawnSync('php', [], {
      input: `${client}\necho json_encode((new Api())->balance());\n`,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      currency: 'USD',
      balance: expect.stringMatching(/^\d+\.\d+$/),
    });
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
    // The confirmation names the order by its number.
    const manualNumber = await page.locator('[data-testid=manual-order] .order-number').textContent();
    expect(manualNumber).toMatch(/^#\d+$/);
    expect(await textOf(page, '[data-testid=notice]', /placed/)).toContain(
      `Manual order ${manualNumber} placed`,
    );
    await shot(page, 'admin-manual-order-desktop');

    await page.goto('/admin/orders?manual=true');
    const row = page
      .locator('[data-testid=admin-orders] tbody tr')
      .filter({ has: page.locator(`.order-number:text-is("${manualNumber}")`) });
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

  it('an admin finds one order by its number', async () => {
    const { page, context } = await signedIn(ADMIN);
    await page.waitForURL(/\/admin\/orders$/);
    const rows = page.locator('[data-testid=admin-orders] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);

    // As customers quote it, with the hash.
    await page.fill('input[name=number]', `#${placedNumber}`);
    await page.waitForFunction((n) => {
      const shown = document.querySelectorAll('[data-testid=admin-orders] tbody tr .order-number');
      return shown.length === 1 && shown[0]?.textContent === n;
    }, `#${placedNumber}`);
    const row = rows.first();
    expect(await row.textContent()).toContain('https://instagram.com/web-test');
    expect(await row.textContent()).toContain(DEMO.email);
    await shot(page, 'admin-orders-number-desktop');

    await page.fill('input[name=number]', '2147483647');
    expect(await textOf(page, '[data-testid=no-orders]', /No order/)).toBe('No order #2147483647.');
    expect(await rows.count()).toBe(0);
    await page.fill('input[name=number]', 'ord_abc');
    expect(await textOf(page, '[data-testid=no-orders]', /no order number/)).toContain('“ord_abc”');
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
