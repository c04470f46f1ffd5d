import { freePort, startPanel } from '@smm/start/test/panel-process.ts';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl, useTestDatabase } from '@smm/testkit/vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, WIDE } from './browser.ts';

export interface Who {
  email: string;
  password: string;
}

/**
 * The whole panel as `npm start` runs it (gateway, workers, the sandbox provider finishing orders
 * in 2 s, status sync every 2 s) on the file's own database and queue prefix, and one Chromium;
 * both stopped after the file. Console errors of every page are collected for the file to check.
 */
export async function startPanelSession(name: string, env: Record<string, string> = {}) {
  // biome-ignore lint/correctness/useHookAtTopLevel: a vitest helper, not a React hook
  const t = await useTestDatabase();
  const prefix = testPrefix(name);
  const redisUrl = testRedisUrl();
  const [port, forwarderPort, syncPort, sandboxPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const demo: Who = { email: 'demo@example.com', password: `demo-password-${name}` };
  const admin: Who = { email: 'admin@example.com', password: `admin-password-${name}` };
  const panel = startPanel({
    NODE_ENV: 'development',
    DATABASE_URL: t.url,
    REDIS_URL: redisUrl,
    BULL_PREFIX: prefix,
    PORT: String(port),
    FORWARDER_PORT: String(forwarderPort),
    STATUS_SYNC_PORT: String(syncPort),
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_API_KEY: `sandbox-key-${name}`,
    SANDBOX_ORDER_DURATION_MS: '2000',
    SANDBOX_PARTIAL_RATE: '0',
    SANDBOX_CANCEL_RATE: '0',
    SYNC_INTERVAL_MS: '2000',
    SYNC_POLL_SCALE: '0.02',
    FORWARD_FIRST_STATUS_CHECK_MS: '1000',
    ORDER_WATCH_INTERVAL_MS: '500',
    DEMO_PASSWORD: demo.password,
    ADMIN_PASSWORD: admin.password,
    ORDER_RATE_MAX: '10000',
    LOGIN_RATE_MAX: '10000',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), panel.waitFor('SMM panel is running', 90_000)]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await panel.stop();
    await deletePrefix(redisUrl, prefix);
  });

  const consoleErrors: string[] = [];

  async function fresh(viewport = WIDE): Promise<{ context: BrowserContext; page: Page }> {
    if (!browser) throw new Error('the browser is not up yet');
    const context = await browser.newContext({ viewport, baseURL: base });
    const page = await context.newPage();
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    return { context, page };
  }

  /** A page path the gateway serves (services/gateway/src/plugins/web-pages.ts lists them). */
  async function open(page: Page, path: string): Promise<void> {
    const res = await page.goto(path);
    expect(res?.status(), `${path}: is it in WEB_PAGES?`).toBe(200);
  }

  async function signIn(page: Page, who: Who): Promise<void> {
    await open(page, '/login');
    await page.fill('input[name=email]', who.email);
    await page.fill('input[name=password]', who.password);
    await page.click('button[type=submit]');
    await page.waitForURL((u) => u.pathname !== '/login');
  }

  /** The API from inside the page: the session cookie is all it sends. */
  async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
    return page.evaluate(
      async ([m, p, b]) => {
        const res = await fetch(p as string, {
          method: m as string,
          credentials: 'same-origin',
          headers: b === undefined ? {} : { 'content-type': 'application/json' },
          body: b === undefined ? undefined : JSON.stringify(b),
        });
        return res.json();
      },
      [method, path, body] as const,
    );
  }

  return { t, base, demo, admin, fresh, open, signIn, call, consoleErrors };
}

/** Whether nothing on the page is wider than the screen. */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
