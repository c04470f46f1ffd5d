import {
  type CustomerStatus,
  customerStatus,
  formatPublicNumber,
  isPackageService,
} from '@smm/domain/browser';
import type { OrderStatus } from '../api/types.ts';
import { type MessageKey, t } from './i18n.ts';

const LABEL: Record<OrderStatus, MessageKey> = {
  pending: 'status.pending',
  submitting: 'status.submitting',
  needs_review: 'status.needs_review',
  processing: 'status.processing',
  in_progress: 'status.in_progress',
  completed: 'status.completed',
  partial: 'status.partial',
  canceled: 'status.canceled',
};

/** A word of a table read in the current language; an unknown value as it is. */
function word(table: Record<string, MessageKey>, value: string): string {
  const key = table[value];
  return key ? t(key) : value;
}

/** An order's status as the panel's own pages name it (its inner states too), in the chosen language. */
export function statusLabel(s: string): string {
  return word(LABEL, s);
}

/** The status word a customer sees (`needs_review` → Pending): the panel's inner states are not theirs. */
export function customerStatusLabel(s: OrderStatus): string {
  return customerWord(customerStatus(s));
}

/** A customer status in the chosen language (`pending` → Pending / অপেক্ষমাণ). */
export function customerWord(s: CustomerStatus): string {
  return t(`status.${s}`);
}

/** @deprecated the same as formatDateTime (`2026-12-01 14:05`), which every page uses. */
export function formatTime(iso: string | null | undefined): string {
  return formatDateTime(iso);
}

/** What a service's rate is for: per order (a package), else per 1000. */
export function rateUnit(type: string): string {
  return isPackageService(type) ? t('services.perOrder') : t('services.per1000');
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString();
}

/** `Order #23501`, or `Orders #23501, #23502`: how a confirmation names what was placed. */
export function orderNumbersText(numbers: number[]): string {
  return t(numbers.length === 1 ? 'format.order' : 'format.orders', {
    numbers: numbers.map(formatPublicNumber).join(', '),
  });
}

export function formatSeconds(s: number): string {
  if (s < 60) return t('time.seconds', { s: Math.round(s) });
  if (s < 3600) return t('time.minSec', { m: Math.floor(s / 60), s: Math.round(s % 60) });
  return t('time.hourMin', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local date and time as `2026-12-01 14:05` (the same on every browser); `—` for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDay(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** A local date as `2026-12-01` (what an `<input type=date>` holds). */
export function formatDay(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/**
 * The instant a local day (`2026-12-01`, from a date input) starts, as ISO for the API; with
 * `after`, the instant the next day starts (an exclusive end: `to` takes rows before it). Null for no day.
 */
export function dayStart(day: string, after = false): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (after ? 1 : 0));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const DEPOSIT_STATUS: Record<string, MessageKey> = {
  pending: 'deposit.status.pending',
  approved: 'deposit.status.approved',
  rejected: 'deposit.status.rejected',
};

export function depositStatusLabel(s: string): string {
  return word(DEPOSIT_STATUS, s);
}

const METHOD_KIND: Record<string, MessageKey> = {
  mobile_wallet: 'method.kind.mobile_wallet',
  bank: 'method.kind.bank',
  other: 'method.kind.other',
};

export function methodKindLabel(k: string): string {
  return word(METHOD_KIND, k);
}

const TRANSACTION_KIND: Record<string, MessageKey> = {
  charge: 'tx.kind.charge',
  refund: 'tx.kind.refund',
  deposit: 'tx.kind.deposit',
  adjustment: 'tx.kind.adjustment',
};

export function transactionKindLabel(k: string): string {
  return word(TRANSACTION_KIND, k);
}
