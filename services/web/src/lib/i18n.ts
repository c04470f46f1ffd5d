import { useSyncExternalStore } from 'react';

import * as admin from './messages/admin.ts';
import * as common from './messages/common.ts';
import * as customer from './messages/customer.ts';
import * as errors from './messages/errors.ts';

/**
 * The visible words of the pages, in English and Bengali (বাংলা), one table per area under
 * `messages/` (keys are prefixed by area, so two tables never share one). English is the reference:
 * each area's Bengali table must have every key (a missing one fails to compile), and a page says
 * `t('key')`.
 */
const en = { ...common.en, ...customer.en, ...admin.en, ...errors.en };
const bn: Record<MessageKey, string> = { ...common.bn, ...customer.bn, ...admin.bn, ...errors.bn };
export type MessageKey = keyof typeof en;

export const LANGUAGES = { en: 'English', bn: 'বাংলা' } as const;
export type Language = keyof typeof LANGUAGES;
const CATALOG: Record<Language, Record<MessageKey, string>> = { en, bn };
const STORAGE_KEY = 'lang';

function stored(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'bn' || v === 'en' ? v : 'en';
  } catch {
    return 'en';
  }
}

let current: Language = typeof localStorage === 'undefined' ? 'en' : stored();
const listeners = new Set<() => void>();
if (typeof document !== 'undefined') document.documentElement.lang = current;

/** Chooses the language, remembers it in this browser, and re-renders every page that reads it. */
export function setLanguage(lang: Language): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice holds until the tab closes.
  }
  document.documentElement.lang = lang;
  for (const fn of listeners) fn();
}

export function language(): Language {
  return current;
}

/** The current language; a component using it re-renders when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => current,
  );
}

/** A message in the current language, `{name}` filled from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = CATALOG[current][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Every key of both tables (the test checks Bengali differs from English where it should). */
export const MESSAGE_TABLES = CATALOG;
