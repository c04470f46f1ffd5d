import { compareMoney, Decimal, isZeroMoney } from '@smm/domain/browser';
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
 * with thousands separators — all from the decimal string, no float in between.
 */
export function formatMoney(amount: Money, currency?: Currency | string | null): string {
  const d = new Decimal(amount);
  const places = Math.max(2, Math.min(6, d.decimalPlaces()));
  const [int = '0', frac] = d.abs().toFixed(places).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = d.isNegative() && !d.isZero() ? '−' : '';
  const symbol = currency ? (SYMBOL[currency] ?? '') : '';
  const text = `${sign}${symbol}${grouped}${frac ? `.${frac}` : ''}`;
  return symbol || !currency ? text : `${text} ${currency}`;
}
