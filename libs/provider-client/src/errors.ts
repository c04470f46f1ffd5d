import { NEXT_STEP } from './next-step.ts';
import type { RefusalFault } from './refusal-rules.ts';

/**
 * The one classification of provider failures. It decides whether an `add` may be retried:
 * - not_sent: the request never reached the provider (DNS, refused, connect timeout) — safe to retry.
 * - rate_limited: the provider refused before doing anything (429, or 503 with no body) — retry later.
 * - rejected_soft: the provider said no for a reason on our side (funds, limits, active order with
 *   this link, our API key) — the order waits and the provider is flagged for an admin.
 * - rejected_hard: the provider said no to this order (bad service, link, quantity) — cancel it.
 * - ambiguous: the provider may or may not have acted (timeout after sending, reset, unreadable reply,
 *   5xx with a body) — never re-send automatically.
 */
export const PROVIDER_ERROR_KINDS = [
  'not_sent',
  'rate_limited',
  'rejected_soft',
  'rejected_hard',
  'ambiguous',
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

export interface ProviderErrorInit {
  kind: ProviderErrorKind;
  /** For a refusal: who its text blames (`refusal-rules.ts`). */
  fault?: RefusalFault | undefined;
  action: string;
  message: string;
  /** The provider's own error text, when it sent one. */
  providerMessage?: string | undefined;
  httpStatus?: number | undefined;
  retryAfterMs?: number | undefined;
  /** A short, secret-free excerpt of what came back, for the activity log. */
  replySnippet?: string | undefined;
  /** Low-level cause (error code like ECONNREFUSED, or a timeout phase). */
  code?: string | undefined;
}

/** Never carries the request options (they hold the API key): only what is safe to log and show. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly fault: RefusalFault | undefined;
  readonly action: string;
  readonly providerMessage: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly replySnippet: string | undefined;
  readonly code: string | undefined;

  constructor(init: ProviderErrorInit) {
    super(init.message);
    this.name = 'ProviderError';
    this.kind = init.kind;
    this.fault = init.fault;
    this.action = init.action;
    this.providerMessage = init.providerMessage;
    this.httpStatus = init.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
    this.replySnippet = init.replySnippet;
    this.code = init.code;
  }

  /** Whether an `add` that failed this way may be sent again automatically (`NEXT_STEP` says retry). */
  get retryableForAdd(): boolean {
    return NEXT_STEP[this.kind] === 'retry';
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      fault: this.fault,
      action: this.action,
      message: this.message,
      providerMessage: this.providerMessage,
      httpStatus: this.httpStatus,
      retryAfterMs: this.retryAfterMs,
      code: this.code,
    };
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}

/**
 * Any failure of a call as a ProviderError. Something that is not one (a bug, an unexpected throw
 * after the request left) counts as ambiguous: the provider may have acted.
 */
export function asProviderError(e: unknown, action: string): ProviderError {
  return isProviderError(e)
    ? e
    : new ProviderError({ kind: 'ambiguous', action, message: `the ${action} call failed unexpectedly` });
}
