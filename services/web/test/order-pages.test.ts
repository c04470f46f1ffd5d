import { Decimal } from 'decimal.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, shot, textOf } from './browser.ts';
import { FAST_ORDERS, fitsWidth, startPanelSession } from './panel-harness.ts';

// Issue 18's order pages: a mass order (/user/orders/mass) checked line by line before anything is
// charged, then placed all at once; one order's page (/user/orders/:number) with its timeline —
// against the whole panel as `npm start` runs it (the sandbox provider fulfils the orders), in a real Chromium.
const p = await startPanelSession('web-orders', FAST_ORDERS);
const { fresh, open, signIn, call, consoleErrors } = p;
const DEMO = p.demo;

interface Listing {
  id: string;
  number: number;
  name: string;
  type: string;
  min: number;
  max: number;
  dripfeed: boolean;
}

/** A USD amount as the pages show it: 2 places, 4 below 0.01. */
function usd(d: Decimal): string {
  const places = !d.isZero() && d.abs().lt('0.01') ? 4 : 2;
  return `$${d.toFixed(places, Decimal.ROUND_HALF_UP)}`;
}

const balanceOf = async (page: Page) =>
  (await call<{ user: { balance: string } }>(page, 'GET', '/api/user/me')).user.balance;
const orderCount = async (page: Page) =>
  (await call<{ orders: unknown[] }>(page, 'GET', '/api/user/orders?limit=100')).orders.length;

describe('order pages: mass order, one order with its timeline', () => {
  let placedNumbers: number[] = [];

  it('a mass order with a bad line says so on that line and charges nothing; fixed, it places 3 orders at one charge', async () => {
    const { context, page } = await fresh();
    await signIn(page, DEMO);
    const { services } = await call<{ services: Listing[] }>(page, 'GET', '/api/user/services');
    // The sandbox's TikTok Views (it completes orders), and another plain service.
    const views = services.find((s) => s.name === 'TikTok Views')!;
    const other = services.find((s) => s.type === 'Default' && s.id !== views.id)!;
    expect(views).toBeDefined();
    expect(other).toBeDefined();
    const before = await balanceOf(page);
    const ordersBefore = await orderCount(page);

    await page.click('nav a:text-is("Mass order")');
    await page.waitForURL(/\/user\/orders\/mass$/);
    await open(page, '/user/orders/mass');
    const good1 = `${views.number}|https://www.tiktok.com/@nadia/video/1|${views.min}`;
    const bad = `#${other.number}|https://example.com/post/2|${other.max + 1}`;
    const good3 = `${other.number} | https://example.com/post/3 | ${other.min}`;
    await page.locator('textarea[name=lines]').waitFor();
    await page.waitForFunction(() => document.title.includes('Mass order'));
    await page.fill('textarea[name=lines]', [good1, bad, '', good3].join('\n'));
    await page.click('button:text-is("Check lines")');

    // The bad line, by its line number in the text (the blank one counts), says what is wrong; the others do not.
    const row = (n: number) => page.locator(`[data-testid=mass-lines] tbody tr[data-line="${n}"]`);
    expect(
      await textOf(page, '[data-testid=mass-lines] tr[data-line="2"] [data-testid=line-error]', /quantity/),
    ).toBe(
      `The quantity must be between ${other.min.toLocaleString('en-US')} and ${other.max.toLocaleString('en-US')}.`,
    );
    expect(await page.locator('[data-testid=line-error]').count()).toBe(1);
    expect(await row(1).locator('[data-testid=line-error]').count()).toBe(0);
    expect(await row(4).locator('td[data-label=Service]').textContent()).toBe(
      `#${other.number} ${other.name}`,
    );
    expect(await page.locator('[data-testid=mass-problems]').textContent()).toContain(
      'nothing was ordered or charged',
    );
    expect(await page.locator('[data-testid=place-mass]').count()).toBe(0);
    await shot(page, 'mass-order-errors-desktop');
    // Nothing charged, nothing ordered.
    expect(await balanceOf(page)).toBe(before);
    expect(await orderCount(page)).toBe(ordersBefore);

    // Fixed: the server quotes every line, then one click (or two) places all three.
    const fixed = `#${other.number}|https://example.com/post/2|${other.min}`;
    await page.fill('textarea[name=lines]', [good1, fixed, '', good3].join('\n'));
    await page.click('button:text-is("Check lines")');
    const total = await textOf(page, '[data-testid=mass-total]', /\$/);
    expect(await page.locator('[data-testid=line-error]').count()).toBe(0);
    expect(await page.locator('[data-testid=mass-lines] tr[data-ok=true]').count()).toBe(3);
    expect(await page.locator('[data-testid=place-mass]').textContent()).toBe('Place 3 orders');
    await shot(page, 'mass-order-checked-desktop');
    expect(await balanceOf(page)).toBe(before);

    await page.dblclick('[data-testid=place-mass]');
    const placed = await textOf(page, '[data-testid=placed-orders]', /Orders #/);
    const links = page.locator('[data-testid=mass-results] [data-testid=line-order]');
    expect(await links.count()).toBe(3);
    placedNumbers = (await links.allTextContents()).map((s) => Number(s.replace('#', '')));
    expect(placed).toBe(`Orders ${placedNumbers.map((n) => `#${n}`).join(', ')}`);
    await shot(page, 'mass-order-placed-desktop');

    // One charge: three orders more, and the balance down by the quoted total exactly once.
    expect(await orderCount(page)).toBe(ordersBefore + 3);
    const { orders } = await call<{ orders: Array<{ number: number; price: string }> }>(
      page,
      'GET',
      '/api/user/orders?limit=100',
    );
    const charged = orders
      .filter((o) => placedNumbers.includes(o.number))
      .reduce((sum, o) => sum.plus(o.price), new Decimal(0));
    expect(new Decimal(before).minus(await balanceOf(page)).toFixed(6)).toBe(charged.toFixed(6));
    expect(total).toBe(usd(charged));
    await context.close();
  });

  it("one order's page shows its facts and its timeline, from the orders list", async () => {
    const { context, page } = await fresh();
    await signIn(page, DEMO);
    await open(page, '/user/orders');
    const first = placedNumbers[0]!;
    // The number in the list leads to the order's page.
    await page.locator(`[data-testid=orders] [data-testid=order-link]:has-text("#${first}")`).click();
    await page.waitForURL((u) => u.pathname === `/user/orders/${first}`);
    await page.locator('[data-testid=timeline] li').first().waitFor();
    await page.waitForFunction((n) => document.title.includes(`Order #${n}`), first);
    expect(await page.locator('[data-testid=order-service]').textContent()).toContain('TikTok Views');

    // The sandbox completes it within seconds: reload until the timeline reaches Completed.
    const deadline = Date.now() + 60_000;
    let steps: string[] = [];
    while (Date.now() < deadline) {
      steps = await page.locator('[data-testid=timeline] li .timeline-text').allTextContents();
      if (steps.includes('Completed')) break;
      await page.waitForTimeout(1000);
      await page.reload();
      await page.locator('[data-testid=timeline] li').first().waitFor();
    }
    expect(steps[0]).toBe('Order placed');
    expect(steps).toContain('Processing');
    expect(steps.at(-1)).toBe('Completed');
    expect(await page.locator('[data-testid=order-status]').textContent()).toBe('Completed');
    expect(await page.locator('[data-testid=order-refunded]').textContent()).toBe('$0.00');
    expect(await page.locator('[data-testid=order-cancel]').textContent()).toBe('None');
    expect(await page.locator('[data-testid=order-refills]').textContent()).toBe('None');
    // Customers never learn which provider fulfils their orders.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/sandbox/i);
    expect(text).not.toMatch(/provider/i);
    await shot(page, 'order-detail-desktop');

    // A number that is not one of theirs: said plainly.
    await open(page, '/user/orders/not-a-number');
    expect(await textOf(page, '[data-testid=order-not-found] h1', /not found/)).toBe('Order not found');
    await context.close();
  });

  it('on a phone both pages fit the screen', async () => {
    const { context, page } = await fresh(PHONE);
    await signIn(page, DEMO);
    await open(page, '/user/orders/mass');
    await page.locator('textarea[name=lines]').waitFor();
    await page.fill('textarea[name=lines]', '1|https://example.com/x|0');
    await page.click('button:text-is("Check lines")');
    await page.locator('[data-testid=line-error]').first().waitFor();
    expect(
      await page
        .locator('[data-testid=mass-lines] tbody tr')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('block');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'mass-order-phone');

    await open(page, `/user/orders/${placedNumbers[1]}`);
    await page.locator('[data-testid=timeline] li').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'order-detail-phone');
    await context.close();
  });

  it('no page logged a console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
