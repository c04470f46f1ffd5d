import { useSyncExternalStore } from 'react';

/**
 * The visible words of the pages, in English and Bengali (বাংলা). English is the reference: the
 * Bengali table must have every key (a missing one fails to compile), and a page says `t('key')`.
 * Pages not yet moved here still write English inline (see services/web/README.md).
 */
const en = {
  'site.name': 'SMM panel',
  'lang.label': 'Language',
  'header.admin': 'admin',
  'header.logout': 'Log out',
  'nav.services': 'Services',
  'nav.newOrder': 'New order',
  'nav.massOrder': 'Mass order',
  'nav.myOrders': 'My orders',
  'nav.funds': 'Add funds',
  'nav.transactions': 'Transactions',
  'nav.api': 'API',
  'nav.account': 'Account',
  'nav.dashboard': 'Dashboard',
  'nav.orders': 'Orders',
  'nav.users': 'Users',
  'nav.manualOrder': 'Manual order',
  'nav.catalog': 'Catalog',
  'nav.categories': 'Categories',
  'nav.providers': 'Providers',
  'nav.sync': 'Sync',
  'nav.deposits': 'Deposits',
  'nav.paymentMethods': 'Payment methods',
  'status.pending': 'Pending',
  'status.processing': 'Processing',
  'status.in_progress': 'In progress',
  'status.completed': 'Completed',
  'status.partial': 'Partial',
  'status.canceled': 'Canceled',
  'orders.title': 'My orders',
  'orders.new': 'New order',
  'orders.tabs': 'Order status',
  'orders.all': 'All',
  'orders.search': 'Search',
  'orders.searchHint': 'order number or link',
  'orders.refresh': 'Refresh',
  'orders.live': 'Updates by itself',
  'orders.col.order': 'Order',
  'orders.col.service': 'Service',
  'orders.col.link': 'Link',
  'orders.col.qty': 'Qty',
  'orders.col.charge': 'Charge',
  'orders.col.start': 'Start',
  'orders.col.remains': 'Remains',
  'orders.col.status': 'Status',
  'orders.col.actions': 'Actions',
  'orders.none': 'No orders yet.',
  'orders.noneIn': 'No {status} orders.',
  'orders.noMatch': 'No order matches “{search}”.',
  'orders.loading': 'Loading…',
  'orders.more': 'Load more',
  'order.refill': 'Refill',
  'order.cancel': 'Cancel',
  'order.cancelRequested': 'Cancel requested',
  'order.cancelRefused': 'The provider could not cancel it',
  'order.serviceGone': 'a service no longer offered',
  'login.title': 'Sign in',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.busy': 'Signing in…',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at',
  'notFound.back': 'Back to the start',
} as const;

export type MessageKey = keyof typeof en;

const bn: Record<MessageKey, string> = {
  'site.name': 'SMM প্যানেল',
  'lang.label': 'ভাষা',
  'header.admin': 'অ্যাডমিন',
  'header.logout': 'লগ আউট',
  'nav.services': 'সার্ভিস',
  'nav.newOrder': 'নতুন অর্ডার',
  'nav.massOrder': 'একসাথে অর্ডার',
  'nav.myOrders': 'আমার অর্ডার',
  'nav.funds': 'টাকা যোগ করুন',
  'nav.transactions': 'লেনদেন',
  'nav.api': 'API',
  'nav.account': 'অ্যাকাউন্ট',
  'nav.dashboard': 'ড্যাশবোর্ড',
  'nav.orders': 'অর্ডার',
  'nav.users': 'ব্যবহারকারী',
  'nav.manualOrder': 'ম্যানুয়াল অর্ডার',
  'nav.catalog': 'ক্যাটালগ',
  'nav.categories': 'ক্যাটাগরি',
  'nav.providers': 'প্রোভাইডার',
  'nav.sync': 'সিঙ্ক',
  'nav.deposits': 'জমা',
  'nav.paymentMethods': 'পেমেন্ট পদ্ধতি',
  'status.pending': 'অপেক্ষমাণ',
  'status.processing': 'প্রসেসিং',
  'status.in_progress': 'চলছে',
  'status.completed': 'সম্পন্ন',
  'status.partial': 'আংশিক',
  'status.canceled': 'বাতিল',
  'orders.title': 'আমার অর্ডার',
  'orders.new': 'নতুন অর্ডার',
  'orders.tabs': 'অর্ডারের অবস্থা',
  'orders.all': 'সব',
  'orders.search': 'খুঁজুন',
  'orders.searchHint': 'অর্ডার নম্বর বা লিংক',
  'orders.refresh': 'রিফ্রেশ',
  'orders.live': 'নিজে থেকেই হালনাগাদ হয়',
  'orders.col.order': 'অর্ডার',
  'orders.col.service': 'সার্ভিস',
  'orders.col.link': 'লিংক',
  'orders.col.qty': 'পরিমাণ',
  'orders.col.charge': 'মূল্য',
  'orders.col.start': 'শুরু',
  'orders.col.remains': 'বাকি',
  'orders.col.status': 'অবস্থা',
  'orders.col.actions': 'কাজ',
  'orders.none': 'এখনো কোনো অর্ডার নেই।',
  'orders.noneIn': '{status} অবস্থায় কোনো অর্ডার নেই।',
  'orders.noMatch': '“{search}” এর সাথে মেলে এমন কোনো অর্ডার নেই।',
  'orders.loading': 'লোড হচ্ছে…',
  'orders.more': 'আরও দেখুন',
  'order.refill': 'রিফিল',
  'order.cancel': 'বাতিল করুন',
  'order.cancelRequested': 'বাতিলের অনুরোধ করা হয়েছে',
  'order.cancelRefused': 'প্রোভাইডার এটি বাতিল করতে পারেনি',
  'order.serviceGone': 'এই সার্ভিস আর দেওয়া হয় না',
  'login.title': 'সাইন ইন',
  'login.email': 'ইমেইল',
  'login.password': 'পাসওয়ার্ড',
  'login.submit': 'সাইন ইন',
  'login.busy': 'সাইন ইন হচ্ছে…',
  'notFound.title': 'পৃষ্ঠাটি পাওয়া যায়নি',
  'notFound.body': 'এই ঠিকানায় কোনো পৃষ্ঠা নেই:',
  'notFound.back': 'শুরুতে ফিরে যান',
};

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
