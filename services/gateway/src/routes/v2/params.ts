/** The customary SMM v2 error texts (DESIGN architecture.md#reseller-api): resellers' panels match on these words. */
export const V2_ERROR = {
  apiKey: 'Invalid API key',
  suspended: 'Your account is suspended',
  request: 'Incorrect request',
  action: 'Incorrect action',
  service: 'Incorrect service ID',
  order: 'Incorrect order ID',
  funds: 'Not enough funds on balance',
  link: 'Incorrect link',
  quantity: 'Incorrect quantity',
  comments: 'Incorrect comments',
  runs: 'Incorrect runs',
  interval: 'Incorrect interval',
  dripfeed: 'Drip-feed is disabled for this service',
  tooMany: 'Too many orders: at most 100 per request',
  refillNotFound: 'Refill not found',
  rateLimited: 'Too many requests',
  unavailable: 'Service temporarily unavailable',
  internal: 'Internal error',
} as const;

export const MAX_V2_IDS = 100;

/** An `{"error": …}` reply: thrown by action handlers, turned into the reply by the plugin's error handler. */
export class V2Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'V2Error';
  }
}

/** Form fields or JSON values as the strings a panel means; null when the body is no flat object. */
export function readParams(body: unknown): Record<string, string> | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
    // Repeated form fields and nested JSON mean nothing in this API: the request is malformed.
    else if (v !== null && v !== undefined) return null;
  }
  return out;
}

/** `orders=1,2,3` → distinct trimmed ids, at most 100 of them. */
export function idList(raw: string, notFound: string): string[] {
  const ids = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (ids.length === 0) throw new V2Error(notFound);
  if (ids.length > MAX_V2_IDS) throw new V2Error(V2_ERROR.tooMany);
  return ids;
}

/** A positive whole number in a form field, or null. */
export function positiveInt(raw: string | undefined, max: number): number | null {
  if (raw === undefined || !/^\s*\d{1,12}\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : null;
}
