import { Decimal } from 'decimal.js';
import type { Currency, Money } from '../api/types.ts';

// Exact decimal money, as the server computes it (libs/domain pricing): never a JS float.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export function isPackage(type: string): boolean {
  return type.trim().toLowerCase() === 'package';
}

/**
 * The total a line will cost: rate per 1000 × quantity / 1000 (a Package: the rate, per order),
 * rounded half-up to 6 places once, at the end. `null` while the quantity is not a positive integer.
 */
export function lineTotal(ratePer1000: Money, quantity: number | null, type: string): Money | null {
  if (quantity === null || !Number.isSafeInteger(quantity) || quantity <= 0) return null;
  const units = isPackage(type) ? new D(1) : new D(quantity).div(1000);
  return new D(ratePer1000).times(units).toDecimalPlaces(6, D.ROUND_HALF_UP).toFixed(6);
}

/** a − b, exactly. */
export function subtract(a: Money, b: Money): Money {
  return new D(a).minus(b).toFixed(6);
}

export function lessThan(a: Money, b: Money): boolean {
  return new D(a).lt(b);
}

export function isZero(a: Money): boolean {
  return new D(a).isZero();
}

// Only symbols every system font has: BDT is written as its code.
const SYMBOL: Record<string, string> = { USD: '$' };

/**
 * For people: 2 places, or up to 6 when the amount has more (a 0.0125 price is not shown as 0.01),
 * with thousands separators — all from the decimal string, no float in between.
 */
export function formatMoney(amount: Money, currency?: Currency | string | null): string {
  const d = new D(amount);
  const places = Math.max(2, Math.min(6, d.decimalPlaces()));
  const [int = '0', frac] = d.abs().toFixed(places).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = d.isNegative() && !d.isZero() ? '−' : '';
  const symbol = currency ? (SYMBOL[currency] ?? '') : '';
  const text = `${sign}${symbol}${grouped}${frac ? `.${frac}` : ''}`;
  return symbol || !currency ? text : `${text} ${currency}`;
}
