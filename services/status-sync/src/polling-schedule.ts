const MINUTE = 60_000;

/**
 * Adaptive polling (DESIGN architecture.md#jobs): an order that just moved, or is young, is asked about again soon;
 * one that has not moved for several checks is asked about less and less often, up to MAX_POLL_MS.
 * Index = consecutive unchanged checks (the last entry repeats).
 */
export const UNCHANGED_DELAYS_MS: readonly number[] = [
  1 * MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  20 * MINUTE,
  30 * MINUTE,
  60 * MINUTE,
];

export const MAX_POLL_MS = 60 * MINUTE;
/** Orders younger than this are polled every minute whatever their history: most finish early. */
export const YOUNG_ORDER_MS = 15 * MINUTE;
/** A per-order error (e.g. "Incorrect order ID") waits at least this long before the next try. */
export const ORDER_ERROR_MIN_MS = 10 * MINUTE;

export interface PollInput {
  /** Time since the order reached the provider (submitted_at, else created_at). */
  ageMs: number;
  /** Consecutive checks without any movement, counting this one. */
  unchangedChecks: number;
  /** Status, remains, start count or the provider's word moved in this check. */
  moved: boolean;
  terminal: boolean;
  /** The provider answered with an error for this order. */
  orderError: boolean;
}

/** Milliseconds until the next status check, or null when the order needs none (terminal). */
export function nextCheckDelayMs(p: PollInput): number | null {
  if (p.terminal) return null;
  const byHistory = UNCHANGED_DELAYS_MS[Math.min(p.unchangedChecks, UNCHANGED_DELAYS_MS.length - 1)]!;
  if (p.orderError) return Math.min(MAX_POLL_MS, Math.max(ORDER_ERROR_MIN_MS, byHistory));
  if (p.moved || p.ageMs < YOUNG_ORDER_MS) return UNCHANGED_DELAYS_MS[0]!;
  return Math.min(MAX_POLL_MS, byHistory);
}
