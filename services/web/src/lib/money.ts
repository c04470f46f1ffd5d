import { compareMoney, DEPOSIT_AMOUNT_RE, Decimal, isZeroMoney } from '@smm/domain/browser';
import type { Currency, Money } from '../api/types.ts';

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
 * For people: 2 places, or up to 6 when the amount has more (a 0.0125 price is not shown as 0.01),
 * with thousands separators — all from the decimal string, no float in between. `places` fixes the
 * places (rounded half up: a ledger shows cents); `signed` writes a `+` before a credit.
 */
export function formatMoney(
  amount: Money,
  currency?: Currency | string | null,
  opts: { places?: number; signed?: boolean } = {},
): string {
  const d = new Decimal(amount);
  const places = opts.places ?? Math.max(2, Math.min(6, d.decimalPlaces()));
  const shown = d.abs().toFixed(places, Decimal.ROUND_HALF_UP);
  const [int = '0', frac] = shown.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const zero = new Decimal(shown).isZero();
  const sign = d.isNegative() && !zero ? '−' : opts.signed && !zero ? '+' : '';
  const symbol = currency ? (SYMBOL[currency] ?? '') : '';
  const text = `${sign}${symbol}${grouped}${frac ? `.${frac}` : ''}`;
  return symbol || !currency ? text : `${text} ${currency}`;
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
