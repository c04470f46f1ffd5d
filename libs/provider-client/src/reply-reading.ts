import { ProviderError } from './errors.ts';
import { snippet } from './redact.ts';
import { classifyRefusal, isAccountWide } from './refusal-rules.ts';
import type { RawReply } from './transport.ts';
import { idLike } from './wire.ts';

/**
 * How a reply is read: the body before the HTTP status, because real panels send order ids with
 * 429s and 400s, refusals with 200s and 4xx, and Cloudflare pages with 503s. Whatever the status:
 * 1. an `add` reply carrying an order id is an accepted order (with a non-empty error as well: ambiguous);
 * 2. a refusal text (`{"error"}`, `{"status":"error","message"}`, `{"success":false,"message"}`) is
 *    classified by its words (`refusal-rules.ts`) — on a 5xx it proves nothing and is ambiguous;
 * 3. without either, a 429/503 with no body is "not sent, retry later", a 4xx JSON body is ambiguous,
 *    a 4xx page that is not JSON is a refusal of the request as such (for an `add`: ambiguous), and
 *    any other unreadable reply is ambiguous: the provider may have acted.
 */

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyText(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** The refusal a reply (or one entry of a multi reply) carries, in any of the shapes panels use. */
export function refusalText(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const error = nonEmptyText(body.error);
  if (error !== null) return error;
  if (typeof body.status === 'string' && body.status.trim().toLowerCase() === 'error') {
    return nonEmptyText(body.message) ?? 'error';
  }
  if (body.success === false || body.success === 'false' || body.success === 0) {
    return nonEmptyText(body.message) ?? 'refused';
  }
  return null;
}

const RATE_LIMIT_STATUSES = new Set([429, 503]);

export interface ReadOptions {
  /** Per-order errors of a status/refill/cancel reply are data for the caller, not a failed call. */
  errorsAreData?: boolean;
}

/**
 * Null when the reply is one the action's own reader should parse (2xx JSON without a refusal, or a
 * refusal that is per-order data); otherwise the ProviderError that says what the reply means.
 */
export function replyFailure(action: string, reply: RawReply, opts: ReadOptions = {}): ProviderError | null {
  const { status, body, text, retryAfterMs } = reply;
  const base = { action, httpStatus: status, retryAfterMs, replySnippet: snippet(text) };
  const refusal = refusalText(body);

  if (refusal !== null) {
    const { kind, fault } = classifyRefusal(refusal, action);
    if (status >= 500 && !(kind === 'rate_limited' && RATE_LIMIT_STATUSES.has(status))) {
      return new ProviderError({
        ...base,
        kind: 'ambiguous',
        message: `provider answered HTTP ${status}: ${refusal}`,
        providerMessage: refusal,
      });
    }
    if (opts.errorsAreData && status < 400 && !isAccountWide(refusal)) return null;
    return new ProviderError({
      ...base,
      kind,
      fault,
      message: `provider refused ${action}: ${refusal}`,
      providerMessage: refusal,
    });
  }

  const hasBody = text.trim().length > 0;
  // Frameworks' own throttles answer 429 `{"message":"Too Many Attempts."}`: a rate limit, not a reply.
  const throttled =
    isRecord(body) && classifyRefusal(nonEmptyText(body.message) ?? '').kind === 'rate_limited';
  if (RATE_LIMIT_STATUSES.has(status) && (!hasBody || throttled)) {
    return new ProviderError({ ...base, kind: 'rate_limited', message: `provider answered HTTP ${status}` });
  }
  if (body !== undefined && status < 300) return null;

  const looksHtml = /^\s*</.test(text);
  const what =
    body !== undefined
      ? `provider answered HTTP ${status} with a JSON reply that is neither an order nor an error`
      : looksHtml
        ? `provider answered HTTP ${status} with an HTML page`
        : hasBody
          ? `provider answered HTTP ${status} with an unreadable reply`
          : `provider answered HTTP ${status} with an empty reply`;
  // A 4xx page that is not JSON (a 404, a firewall's 403) most likely refused the request before any
  // panel read it — but "most likely" is not enough to send an order again: for an add it is ambiguous.
  if (status >= 400 && status < 500 && body === undefined && action !== 'add') {
    return new ProviderError({ ...base, kind: 'rejected_soft', fault: 'unknown', message: what });
  }
  return new ProviderError({ ...base, kind: 'ambiguous', message: what });
}

export interface AcceptedAdd {
  providerOrderId: string;
  /** Set when the provider sent the id in an unusual way (an error status, an empty error field). */
  anomaly: string | null;
}

/** An `add` reply: an order id means accepted, whatever the HTTP status; then as `replyFailure`. */
export function readAddReply(reply: RawReply): AcceptedAdd | ProviderError {
  const { status, body, text } = reply;
  const id = isRecord(body) ? idLike.safeParse(body.order) : null;
  // `{"order": 0}` is how some panels say "not created" — or created and lost: not an id either way.
  if (id?.success && !/^0+$/.test(id.data)) {
    const refusal = refusalText(body);
    if (refusal !== null) {
      return new ProviderError({
        kind: 'ambiguous',
        action: 'add',
        httpStatus: status,
        message: `provider answered an order id (${id.data}) and an error: ${refusal}`,
        providerMessage: refusal,
        replySnippet: snippet(text),
      });
    }
    const odd = status >= 300 ? `order id ${id.data} came with HTTP ${status}` : null;
    return { providerOrderId: id.data, anomaly: odd };
  }
  return (
    replyFailure('add', reply) ??
    new ProviderError({
      kind: 'ambiguous',
      action: 'add',
      httpStatus: status,
      message: 'provider add reply carried no order id',
      replySnippet: snippet(text),
    })
  );
}
