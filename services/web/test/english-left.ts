import type { Page } from 'playwright-core';

/**
 * Words a Bengali page may still show in Latin letters: names of things (the API, currencies,
 * protocols) that a Bengali reader sees in English too. Anything else in English is a string that
 * never reached the catalog (src/lib/messages/).
 */
export const LATIN_ALLOWED = [
  'API',
  'SMM',
  'BDT',
  'USD',
  'URL',
  'JSON',
  'HTTP',
  'HTTPS',
  'https',
  'http',
  'POST',
  'GET',
  'PHP',
  'cURL',
  'ID',
  'Bull',
  'Board',
  'bKash',
  'Nagad',
  'Rocket',
  // bKash's and Nagad's word for a transaction id in their payment messages.
  'TrxID',
  'v2',
];

/**
 * Every visible piece of text on the page (text, placeholders, labels read aloud, tooltips) that
 * holds an English word, outside what the page marks as data: `translate="no"` (the HTML attribute
 * for names, emails, links, amounts, codes a translation must leave alone), `code`, `pre`, `kbd`.
 */
export async function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate((allowed) => {
    const ok = new Set(allowed);
    const skip = '[translate=no], code, pre, kbd, script, style, noscript';
    const english = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ok.has(w));
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || !el.checkVisibility()) continue;
      const text = (n.textContent ?? '').trim();
      if (english(text).length > 0) found.push(`<${el.tagName.toLowerCase()}> ${text}`);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (el.closest(skip) || !(el as HTMLElement).checkVisibility()) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const text = el.getAttribute(attr);
        if (text && english(text).length > 0) found.push(`<${el.tagName.toLowerCase()} ${attr}> ${text}`);
      }
    }
    if (english(document.title).length > 0) found.push(`<title> ${document.title}`);
    return found;
  }, LATIN_ALLOWED);
}
