import type { DbClient } from '@smm/db';
import type { Logger } from '@smm/logger';
import { asProviderError, nextStep, type ProviderClients, type ProviderError } from '@smm/provider-client';
import { isLastAttempt, type Job } from '@smm/queue';
import type { ProviderSlotDeps } from '../provider-slot.ts';

/** What the forward-refill and forward-cancel jobs work with. */
export interface UpstreamDeps {
  sql: DbClient['sql'];
  clients: ProviderClients;
  logger: Logger;
  allowInsecureProviderUrls: boolean;
  /** The per-provider concurrency limit forward-order takes too: one budget for every call. */
  slot: ProviderSlotDeps;
}

/** What a failed refill/cancel call means for its request: the `NEXT_STEP` table, without a cancel. */
export type UpstreamFailure =
  /** Definitely not acted on, and worth another try (not sent, rate limited, our key/funds). */
  | { next: 'retry'; error: ProviderError }
  /** Definitely not acted on, and never will be: the provider refused this request. */
  | { next: 'rejected'; error: ProviderError }
  /** The provider may have acted: never sent again automatically. */
  | { next: 'needs_review'; error: ProviderError };

export function classifyUpstreamFailure(e: unknown, action: string, job: Job): UpstreamFailure {
  const error = asProviderError(e, action);
  switch (nextStep(error)) {
    case 'review':
      return { next: 'needs_review', error };
    case 'refuse':
      return { next: 'rejected', error };
    case 'retry':
    case 'wait':
      // A request has no "wait for an admin" of its own: it is retried, and when out of attempts —
      // nothing was sent — given up, which says so instead of waiting forever.
      return { next: isLastAttempt(job) ? 'rejected' : 'retry', error };
  }
}

export function failureText(e: ProviderError): string {
  return e.providerMessage ?? e.message;
}
