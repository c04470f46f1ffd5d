import { Decimal as DecimalJs } from 'decimal.js';

/** A private Decimal with enough precision that no intermediate result is ever rounded. */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const MONEY_SCALE = 6;
/** The largest amount a numeric(20,6) column holds. */
export const MONEY_MAX = '99999999999999.999999';

export type MoneyInput = string | number | bigint | Decimal;

const MONEY_RE = /^-?\d+(\.\d+)?$/;

/** Parses a decimal string (or an integer) exactly; floats are refused because they are already inexact. */
export function dec(value: MoneyInput): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`refusing non-integer number ${value} as money`);
    return new Decimal(value);
  }
  if (typeof value === 'bigint') return new Decimal(value.toString());
  const s = value.trim();
  if (!MONEY_RE.test(s)) throw new TypeError(`not a decimal: ${JSON.stringify(value)}`);
  return new Decimal(s);
}

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && MONEY_RE.test(value.trim());
}

/** Round half-up to 6 decimals and format with exactly 6 (matches numeric(20,6)). */
export function roundMoney(value: MoneyInput): string {
  return dec(value).toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_HALF_UP).toFixed(MONEY_SCALE);
}

/** Round toward zero to 6 decimals: refunds never give back more than was charged. */
export function floorMoney(value: MoneyInput): string {
  return dec(value).toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_DOWN).toFixed(MONEY_SCALE);
}

export function addMoney(...values: MoneyInput[]): string {
  return roundMoney(values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), new Decimal(0)));
}

export function subMoney(a: MoneyInput, b: MoneyInput): string {
  return roundMoney(dec(a).minus(dec(b)));
}

export function compareMoney(a: MoneyInput, b: MoneyInput): -1 | 0 | 1 {
  return dec(a).comparedTo(dec(b)) as -1 | 0 | 1;
}

export function isZeroMoney(a: MoneyInput): boolean {
  return dec(a).isZero();
}
