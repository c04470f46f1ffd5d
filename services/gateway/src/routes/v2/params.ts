import { parsePublicNumber } from '@smm/domain';

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
  notFound: 'Not found',
  method: 'Method not allowed: use GET or POST',
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

/**
 * The request's fields as the strings a panel means, from the query string and the body together
 * (the body wins a field both carry): resellers' scripts send `GET ?key=…&action=…`, POST with the
 * fields in the URL, form bodies, multipart bodies and JSON, and all of them mean the same. JSON
 * numbers become their digits. Null when either part is no flat set of fields (repeated fields,
 * nested JSON, a JSON array).
 */
export function readParams(query: unknown, body: unknown): Record<string, string> | null {
  const fromQuery = flatFields(query ?? {});
  const fromBody = body === undefined || body === null || body === '' ? {} : flatFields(body);
  if (!fromQuery || !fromBody) return null;
  return { ...fromQuery, ...fromBody };
}

function flatFields(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
    // Repeated form fields and nested JSON mean nothing in this API: the request is malformed.
    else if (v !== null && v !== undefined) return null;
  }
  return out;
}

/** One entry of an `orders=1,2,3` style list: the text as sent, and our number when it is one. */
export interface ListedNumber {
  sent: string;
  number: number | null;
}

/** `orders=1,2,3` → distinct trimmed entries (at most 100), each read as a public number or not. */
export function numberList(raw: string, notFound: string): ListedNumber[] {
  const sent = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (sent.length === 0) throw new V2Error(notFound);
  if (sent.length > MAX_V2_IDS) throw new V2Error(V2_ERROR.tooMany);
  return sent.map((s) => ({ sent: s, number: parsePublicNumber(s) }));
}

/** The reply key or list value for an entry: our number as a number, else the text as sent. */
export function echo(e: ListedNumber): number | string {
  return e.number ?? e.sent;
}

/** The numbers of a list that are numbers. */
export function numbersOf(list: readonly ListedNumber[]): number[] {
  return list.flatMap((e) => (e.number === null ? [] : [e.number]));
}

/** A positive whole number in a form field, or null. */
export function positiveInt(raw: string | undefined, max: number): number | null {
  if (raw === undefined || !/^\s*\d{1,12}\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : null;
}
