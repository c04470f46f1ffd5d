import { formatPublicNumber } from '@smm/domain/browser';
import type { OrderStatus } from '../api/types.ts';

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

/** Local date and time, short; `—` for none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString();
}

/** `Order #23501`, or `Orders #23501, #23502`: how a confirmation names what was placed. */
export function orderNumbersText(numbers: number[]): string {
  return `${numbers.length === 1 ? 'Order' : 'Orders'} ${numbers.map(formatPublicNumber).join(', ')}`;
}

/** `ord_01J…` → its last 8 characters, enough to tell orders apart in a list. */
export function shortId(id: string): string {
  return id.length > 10 ? `…${id.slice(-8)}` : id;
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
