import { type CustomerStatus, customerStatus, formatPublicNumber } from '@smm/domain/browser';
import type { OrderStatus } from '../api/types.ts';
import { t } from './i18n.ts';

const LABEL: Record<OrderStatus, string> = {
  pending: 'Pending',
  submitting: 'Submitting',
  needs_review: 'Needs review',
  processing: 'Processing',
  in_progress: 'In progress',
  completed: 'Completed',
  partial: 'Partial',
  canceled: 'Canceled',
};

export function statusLabel(s: string): string {
  return LABEL[s as OrderStatus] ?? s;
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

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString();
}

/** `Order #23501`, or `Orders #23501, #23502`: how a confirmation names what was placed. */
export function orderNumbersText(numbers: number[]): string {
  return `${numbers.length === 1 ? 'Order' : 'Orders'} ${numbers.map(formatPublicNumber).join(', ')}`;
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
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

const DEPOSIT_STATUS: Record<string, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
};

export function depositStatusLabel(s: string): string {
  return DEPOSIT_STATUS[s] ?? s;
}

const METHOD_KIND: Record<string, string> = {
  mobile_wallet: 'Mobile wallet',
  bank: 'Bank transfer',
  other: 'Other',
};

export function methodKindLabel(k: string): string {
  return METHOD_KIND[k] ?? k;
}

const TRANSACTION_KIND: Record<string, string> = {
  charge: 'Charge',
  refund: 'Refund',
  deposit: 'Deposit',
  adjustment: 'Adjustment',
};

export function transactionKindLabel(k: string): string {
  return TRANSACTION_KIND[k] ?? k;
}
