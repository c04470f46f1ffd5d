import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, shot, WIDE } from './browser.ts';
import { englishLeft } from './english-left.ts';
import { FAST_ORDERS, startPanelSession } from './panel-harness.ts';

// "Every visible string in one catalog": each page, in Bengali, at desktop and phone width, shows
// no English word outside what it marks as data (test/english-left.ts says what that is).
const p = await startPanelSession('web-language', { ...FAST_ORDERS, ORDER_WATCH_INTERVAL_MS: '500' });

const CUSTOMER_PAGES = [
  '/services',
  '/user/orders/create',
  '/user/orders/mass',
  '/user/orders',
  '/user/funds',
  '/user/transactions',
  '/api',
  '/user/account',
  '/nope',
];
const ADMIN_PAGES = [
  '/admin',
  '/admin/orders',
  '/admin/orders/manual',
  '/admin/users',
  '/admin/services',
  '/admin/categories',
  '/admin/providers',
  '/admin/orders/sync',
  '/admin/deposits',
  '/admin/payment-methods',
];

/** Chooses Bengali before any page script runs, as the header's choice remembered would. */
async function bengali(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('lang', 'bn'));
}

/** The page once its data has arrived: its heading shown and no request still open for a moment. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  // The orders page keeps an event stream open, so "no request" is waited for a short while only.
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
}

async function checkPages(page: Page, paths: string[], tag: string): Promise<Record<string, string[]>> {
  const left: Record<string, string[]> = {};
  for (const path of paths) {
    // An unknown path is the "Page not found" page, answered 404.
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(path === '/nope' ? 404 : 200);
    await settled(page);
    const words = await englishLeft(page);
    if (words.length > 0) left[path] = words;
    await shot(page, `bengali-${tag}${path.replaceAll('/', '-')}`);
  }
  return left;
}

describe('Bengali everywhere', () => {
  for (const [width, viewport] of [
    ['desktop', WIDE],
    ['phone', PHONE],
  ] as const) {
    it(`the signed-out pages (${width})`, async () => {
      const { context, page } = await p.fresh(viewport);
      await bengali(page);
      const left = await checkPages(page, ['/login', '/register', '/nope'], `out-${width}`);
      expect(left).toEqual({});
      await context.close();
    });

    it(`every customer page, and an order's own page (${width})`, async () => {
      const { context, page } = await p.fresh(viewport);
      await bengali(page);
      await p.signIn(page, p.demo);
      const { services } = await p.call<{
        services: { id: string; categoryId: string; min: number; type: string }[];
      }>(page, 'GET', '/api/user/services');
      const s = services.find((x) => x.type === 'Default');
      if (!s) throw new Error('the demo catalog has no Default service');
      const made = await p.call<{ orderNumbers: number[] }>(page, 'POST', '/api/user/create-orders', {
        categoryId: s.categoryId,
        serviceId: s.id,
        link: `https://instagram.com/bengali-${width}`,
        qty: Math.max(s.min, 100),
      });
      const left = await checkPages(
        page,
        [...CUSTOMER_PAGES, `/user/orders/${made.orderNumbers[0]}`],
        `customer-${width}`,
      );
      expect(left).toEqual({});
      await context.close();
    });

    it(`every admin page (${width})`, async () => {
      const { context, page } = await p.fresh(viewport);
      await bengali(page);
      await p.signIn(page, p.admin);
      const left = await checkPages(page, ADMIN_PAGES, `admin-${width}`);
      expect(left).toEqual({});
      await context.close();
    });
  }

  it('no page showed a console error', () => {
    // The 404 page is a 404 response, which Chromium logs for the document itself; nothing else may appear.
    const own = (e: string) =>
      /^(.*): Failed to load resource: .*status of 404/.exec(e)?.[1] === `${p.base}/nope`;
    const errors = p.consoleErrors.filter((e) => !own(e));
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
