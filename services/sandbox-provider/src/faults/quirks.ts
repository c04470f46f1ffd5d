/**
 * Reply-shape quirks seen from real providers (DESIGN architecture.md#provider-api, provider-client fixtures). Each one
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
  // Reply shapes recorded from a real open-source panel and from hostile providers
  // (provider-client test/fixtures/real-peer-replies.json). Each mirrors one recorded reply.
  /** services: pretty-printed JSON sent as text/html, lower-case types, `desc: null`, `dripfeed: "0"`, no refill/cancel. */
  'services-nulls',
  /** add: the order is created, the reply is HTTP 429 `{"order":"N"}` (add.id-with-429). */
  'id-with-429',
  /** add: created, the reply is HTTP 400 `{"order":"N"}` (add.id-with-400). */
  'id-with-400',
  /** add: created, `{"order":"N","error":""}` (add.id-with-empty-error). */
  'id-with-empty-error',
  /** add: created, `{"order":N,"error":"Service temporarily unavailable"}` (add.id-and-error). */
  'id-and-error',
  /** add: created, the reply is HTTP 400 `{"status":"fail"}` (add.4xx-json-without-error). */
  'json-4xx-without-error',
  /** add: created, but the reply names the previous order's id (add.duplicate-id). */
  'repeat-order-id',
  /** refusals as `{"status":"error","message":…}` (add.status-error-message). */
  'status-error-message',
  /** refusals as `{"success":false,"message":…}` (add.success-false-message). */
  'success-false-message',
  /** a Package add without `quantity` is refused: `Quantity is required` (add.package-needs-quantity). */
  'package-needs-quantity',
  /** Pending orders report `remains: "0"` and `start_count: null` (status.pending-remains-zero). */
  'pending-remains-zero',
  /** drip-feed orders report `{"status":…,"runs":"N","orders":[]}`: no remains, no charge (status.dripfeed-no-remains). */
  'dripfeed-no-remains',
  /** refill and cancel: `{"error":"This action is Invalid"}` (refill.unsupported, cancel.unsupported). */
  'actions-invalid',
] as const;

export type Quirk = (typeof QUIRKS)[number];
export type Quirks = ReadonlySet<Quirk>;

export const NO_QUIRKS: Quirks = new Set();
