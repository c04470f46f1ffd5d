/**
 * Reply-shape quirks seen from real providers (DESIGN §8, provider-client fixtures). Each one
 * changes only how a reply is written, never what happened.
 */
export const QUIRKS = [
  /** ids as strings: `{"order":"23501"}`, `"service":"1"`, refill ids. */
  'string-ids',
  /** charge/start_count/remains/rate/min/max/balance as JSON numbers instead of strings. */
  'numbers',
  /** `Cancelled` instead of `Canceled`. */
  'cancelled-spelling',
  /** lower-case statuses; `In progress` becomes `processing`. */
  'lowercase-status',
  /** `remains: "Unknown"` on every status entry. */
  'unknown-remains',
  /** Completed orders report a small negative remains (over-delivery). */
  'negative-remains',
  /** multi-status as a list of entries carrying `order`, instead of an object keyed by id. */
  'multi-status-list',
  /** per-order errors in a multi-status as a bare string instead of `{"error":…}`. */
  'bare-string-errors',
  /** `{"error":…}` replies with HTTP 4xx (402 funds, 401 key, 400 otherwise) instead of 200. */
  'error-4xx',
  /** `{"status":"success","order":N}` for add and `{"status":"success",…}` for balance. */
  'status-success',
] as const;

export type Quirk = (typeof QUIRKS)[number];
export type Quirks = ReadonlySet<Quirk>;

export const NO_QUIRKS: Quirks = new Set();
