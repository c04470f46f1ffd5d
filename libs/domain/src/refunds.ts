import { dec, floorMoney, roundMoney } from './money.ts';

/**
 * Providers send remains as numbers, numeric strings, negatives (over-delivery) or words like
 * "Unknown". Returns the integer, or null when it cannot be known.
 */
export function parseRemains(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? Math.trunc(raw) : null;
  if (typeof raw === 'string') {
    const s = raw.trim();
    if (/^-?\d+(\.\d+)?$/.test(s)) return Math.trunc(Number(s));
  }
  return null;
}

export interface PartialRefund {
  amount: string;
  /** Remains the provider reported could not be read: nothing is refunded automatically. */
  remainsUnknown: boolean;
}

/** architecture.md#money: price × clamp(remains, 0, quantity) / quantity, rounded down to 6 decimals. */
export function partialRefundAmount(price: string, remains: number | null, quantity: number): PartialRefund {
  if (remains === null) return { amount: roundMoney(0), remainsUnknown: true };
  const clamped = Math.min(Math.max(remains, 0), quantity);
  return { amount: floorMoney(dec(price).times(clamped).div(quantity)), remainsUnknown: false };
}

/** architecture.md#money: on cancel, everything not yet refunded. Never negative. */
export function cancelRefundAmount(price: string, alreadyRefunded: string): string {
  const rest = dec(price).minus(dec(alreadyRefunded));
  return roundMoney(rest.isNegative() ? 0 : rest);
}
