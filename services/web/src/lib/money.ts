import { compareMoney, DEPOSIT_AMOUNT_RE, Decimal, isZeroMoney } from '@smm/domain/browser';
import type { Currency, Money } from '../api/types.ts';
import { t } from './i18n.ts';

// Exact decimal money from @smm/domain (never a JS float). The pages compute no prices: a total is
// the server's quote (useQuote), amounts are the API's 6-place strings.

export function lessThan(a: Money, b: Money): boolean {
  return compareMoney(a, b) < 0;
}

export function isZero(a: Money): boolean {
  return isZeroMoney(a);
}

// Only symbols every system font has: BDT is written as its code.
const SYMBOL: Record<string, string> = { USD: '$' };

/**
 * For people: 2 places (rounded half up), 4 for an amount under 0.01 (a 0.0045 rate per 1000, or
 * the charge of a few units of it, is not "0.00"), with thousands separators — all from the decimal
 * string, no float in between. The exact amount stays what the API sent (`exactMoney` says it where
 * it was rounded). `places` sets other places; `signed` writes a `+` before a credit.
 */
export function formatMoney(
  amount: Money,
  currency?: Currency | string | null,
  opts: { places?: number; signed?: boolean } = {},
): string {
  const d = new Decimal(amount);
  const places = opts.places ?? moneyPlaces(amount);
  const shown = d.abs().toFixed(places, Decimal.ROUND_HALF_UP);
  const [int = '0', frac] = shown.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const zero = new Decimal(shown).isZero();
  const sign = d.isNegative() && !zero ? '−' : opts.signed && !zero ? '+' : '';
  const symbol = currency ? (SYMBOL[currency] ?? '') : '';
  const text = `${sign}${symbol}${grouped}${frac ? `.${frac}` : ''}`;
  return symbol || !currency ? text : `${text} ${currency}`;
}

/** The places an amount is shown with: 2, or 4 below 0.01 (a 0.0045 per 1000 is not "0.00"). */
export function moneyPlaces(amount: Money): number {
  const d = new Decimal(amount).abs();
  return !d.isZero() && d.lt('0.01') ? 4 : 2;
}

/** A price per 1000 (or per package): 2 places, 4 below 0.01. */
export function formatRate(amount: Money, currency?: Currency | string | null): string {
  return formatMoney(amount, currency, { places: moneyPlaces(amount) });
}

/**
 * The amount to the last place the API gave (`0.096300` → `0.0963`), for a tooltip where the shown
 * one is rounded (`places` as shown); undefined when showing it rounded lost nothing.
 */
export function exactMoney(
  amount: Money,
  currency?: Currency | string | null,
  places = moneyPlaces(amount),
): string | undefined {
  const d = new Decimal(amount);
  const exact = d.decimalPlaces();
  return exact > places
    ? t('money.exactly', { amount: formatMoney(amount, currency, { places: exact }) })
    : undefined;
}

/** Whether `a` is negative (a charge in the ledger). */
export function isNegative(a: Money): boolean {
  const d = new Decimal(a);
  return d.isNegative() && !d.isZero();
}

/**
 * A decimal amount as a person types it ("500", "1,500.50", " 12.5 ") in the shape the API takes
 * ("1500.50"), or null when it is no such number: at most 14 digits before the point and 6 after,
 * more than zero. Only the shape: the server judges the range.
 */
export function parseAmount(text: string): Money | null {
  const t = text.trim().replace(/,/g, '');
  if (!DEPOSIT_AMOUNT_RE.test(t)) return null;
  return new Decimal(t).isZero() ? null : t;
}

/** A method's fee as people read it (`"1.50"` → `1.5%`), or null when it takes none. */
export function feeText(percent: string): string | null {
  const d = new Decimal(percent);
  return d.isZero() ? null : `${d.toString()}%`;
}

/** An amount as a person would type it into a form: `"500.000000"` → `500`, `"12.500000"` → `12.5`. */
export function plainAmount(amount: Money): string {
  return new Decimal(amount).toFixed();
}
