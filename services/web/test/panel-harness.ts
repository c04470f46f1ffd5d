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
 * Orders that finish soon: the sandbox completes an order in 2 s (never partly, never canceled),
 * status sync looks every 2 s and the forwarder asks a new order's status after 1 s.
 */
export const FAST_ORDERS: Record<string, string> = {
  SANDBOX_ORDER_DURATION_MS: '2000',
  SANDBOX_PARTIAL_RATE: '0',
  SANDBOX_CANCEL_RATE: '0',
  SYNC_INTERVAL_MS: '2000',
  SYNC_POLL_SCALE: '0.02',
  FORWARD_FIRST_STATUS_CHECK_MS: '1000',
};

/** A browser context of the panel, with what its pages logged as errors. */
export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Every console error and uncaught exception this context's pages showed. */
  errors: string[];
}

/**
 * The whole panel as `npm start` runs it (gateway, workers, the sandbox provider) on the file's
 * own database and queue prefix, and one Chromium; both stopped after the file. `env` adds to the
 * panel's settings (FAST_ORDERS for orders that finish). Console errors of every page are also
 * collected file-wide, for the file to check.
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
  const sandboxKey = `sandbox-key-${name}`;
  const panel = startPanel({
    NODE_ENV: 'development',
    DATABASE_URL: t.url,
    REDIS_URL: redisUrl,
    BULL_PREFIX: prefix,
    PORT: String(port),
    FORWARDER_PORT: String(forwarderPort),
    STATUS_SYNC_PORT: String(syncPort),
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_API_KEY: sandboxKey,
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

  /** A new browser context; its errors are the visit's and the file's. */
  async function fresh(viewport = WIDE): Promise<Visit> {
    if (!browser) throw new Error('the browser is not up yet');
    const context = await browser.newContext({ viewport, baseURL: base });
    const page = await context.newPage();
    const errors: string[] = [];
    const seen = (e: string) => {
      errors.push(e);
      consoleErrors.push(e);
    };
    page.on('pageerror', (e) => {
      // A page that throws shows nothing at all: say why.
      console.error(`page error on ${page.url()}:`, e);
      seen(`${page.url()}: ${e.message}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') seen(`${page.url()}: ${m.text()}`);
    });
    return { context, page, errors };
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

  /** A new browser context signed in as `who`. */
  async function signedIn(who: Who, viewport = WIDE): Promise<Visit> {
    const v = await fresh(viewport);
    await signIn(v.page, who);
    return v;
  }

  /** The API from inside the page, with the reply's status: the session cookie is all it sends. */
  async function request<T>(
    page: Page,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    return page.evaluate(
      async ([m, p, b]) => {
        const res = await fetch(p as string, {
          method: m as string,
          credentials: 'same-origin',
          headers: b === undefined ? {} : { 'content-type': 'application/json' },
          body: b === undefined ? undefined : JSON.stringify(b),
        });
        return { status: res.status, body: await res.json() };
      },
      [method, path, body] as const,
    );
  }

  /** The API from inside the page, its reply's body only. */
  async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
    return (await request<T>(page, method, path, body)).body;
  }

  return {
    t,
    base,
    demo,
    admin,
    sandboxKey,
    fresh,
    open,
    signIn,
    signedIn,
    request,
    call,
    consoleErrors,
  };
}

/** Whether nothing on the page is wider than the screen. */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
