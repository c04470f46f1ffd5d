import type { ProviderErrorKind } from './errors.ts';

/** Error codes that prove the request never left this machine or never reached a listening server. */
const NOT_SENT_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
]);
/** Timeout phases before any byte of the request could reach the provider. */
const NOT_SENT_TIMEOUTS = new Set(['lookup', 'connect', 'secureConnect']);

export interface TransportFailure {
  code?: string | undefined;
  /** got's timeout phase (lookup, connect, secureConnect, send, response, read, socket, request). */
  timeoutEvent?: string | undefined;
  /** Whether a connection to the provider was established before the failure. */
  connected: boolean;
}

export function classifyTransportFailure(f: TransportFailure): ProviderErrorKind {
  if (f.timeoutEvent && NOT_SENT_TIMEOUTS.has(f.timeoutEvent)) return 'not_sent';
  if (f.code && NOT_SENT_CODES.has(f.code)) return 'not_sent';
  // A timeout or reset without a connection ever being made means nothing was sent.
  if (!f.connected) return 'not_sent';
  return 'ambiguous';
}

/** Retry-After in seconds or as an HTTP date → milliseconds (bounded to a day). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let ms: number | undefined;
  if (/^\d+(\.\d+)?$/.test(v)) ms = Math.round(Number(v) * 1000);
  else {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) ms = Math.max(0, t - now);
  }
  if (ms === undefined) return undefined;
  return Math.min(ms, 24 * 3600 * 1000);
}
