import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

// Debian's chromium (apt-get install chromium); Playwright's own browser download is not used.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts');

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };
/** A common laptop screen, the width the API page is checked at. */
export const WIDE = { width: 1366, height: 900 };

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A full-page screenshot kept under test-artifacts/ (git-ignored). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until the locator's text matches (Playwright core has no `expect`). */
export async function textOf(page: Page, selector: string, re: RegExp, timeoutMs = 15_000): Promise<string> {
  const loc = page.locator(selector).filter({ hasText: re }).first();
  try {
    await loc.waitFor({ timeout: timeoutMs });
  } catch (e) {
    // Say what the page shows instead: usually the API's error.
    const errors = await page.locator('[data-testid=error]').allTextContents();
    await shot(page, `failed-${Date.now()}`).catch(() => {});
    throw new Error(
      `${selector} never showed ${re} on ${page.url()}; errors shown: ${JSON.stringify(errors)}`,
      {
        cause: e,
      },
    );
  }
  return (await loc.textContent()) ?? '';
}
