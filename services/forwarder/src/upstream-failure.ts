import { isProviderError, ProviderError } from '@smm/provider-client';
import type { Job } from '@smm/queue';

/** What a failed refill/cancel call means for its request (the forward-order table, minus the cancel). */
export type UpstreamFailure =
  /** Definitely not acted on, and worth another try (not sent, rate limited, our key/funds). */
  | { next: 'retry'; error: ProviderError }
  /** Definitely not acted on, and never will be: the provider refused this request. */
  | { next: 'rejected'; error: ProviderError }
  /** The provider may have acted: never sent again automatically. */
  | { next: 'needs_review'; error: ProviderError };

export function classifyUpstreamFailure(e: unknown, action: string, job: Job): UpstreamFailure {
  const error = isProviderError(e)
    ? e
    : new ProviderError({ kind: 'ambiguous', action, message: `the ${action} call failed unexpectedly` });
  switch (error.kind) {
    case 'ambiguous':
      return { next: 'needs_review', error };
    case 'rejected_hard':
      return { next: 'rejected', error };
    default: {
      // Out of attempts: nothing was sent, so giving up is safe — and says so instead of waiting forever.
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      return { next: last ? 'rejected' : 'retry', error };
    }
  }
}

export function failureText(e: ProviderError): string {
  return e.providerMessage ?? e.message;
}
