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

// Order matters: the first rule that matches wins.
const MESSAGE_RULES: Array<[RegExp, ProviderErrorKind]> = [
  // Our own configuration: the customer's order is fine, the panel must fix its key. Never a cancel.
  [/api[\s_-]*key|unauthori[sz]ed|not authori[sz]ed|access denied|forbidden/i, 'rejected_soft'],
  [/fund|balance|insufficient|payment/i, 'rejected_soft'],
  [/active order|already (have|has) an? (active )?order|wait until/i, 'rejected_soft'],
  [/too many|rate limit|try again later|slow down/i, 'rate_limited'],
  [/limit|maintenance|temporar|disabled for now|busy/i, 'rejected_soft'],
  [/service/i, 'rejected_hard'],
  [/link|url|username|profile|private|not found|doesn'?t exist|does not exist/i, 'rejected_hard'],
  [/quantity|minimal|maximal|minimum|maximum|min\b|max\b/i, 'rejected_hard'],
  [/comment|runs|interval|drip/i, 'rejected_hard'],
];

/**
 * A provider's `{"error": "..."}` text → kind. Unknown texts are soft: the provider definitely did
 * not take the order, but we cannot tell that the order itself is at fault, so an admin decides.
 */
export function classifyProviderMessage(message: string): ProviderErrorKind {
  for (const [re, kind] of MESSAGE_RULES) if (re.test(message)) return kind;
  return 'rejected_soft';
}

/** An HTTP reply that carried no usable `{"error"}` message. */
export function classifyHttpStatus(status: number, hasBody: boolean): ProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 503 && !hasBody) return 'rate_limited';
  if (status >= 500) return 'ambiguous';
  // 4xx without a readable error: the provider refused the request as such (auth, route, method).
  if (status >= 400) return 'rejected_soft';
  // 2xx whose body we cannot read: the provider may have acted.
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
