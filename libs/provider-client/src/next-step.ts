import type { ProviderError, ProviderErrorKind } from './errors.ts';

/**
 * What happens after a failed provider call, by the failure's kind — the one table the forwarder's
 * order, refill and cancel jobs read:
 * - retry: nothing reached the provider; BullMQ runs the job again on the catalog's backoff.
 * - wait: the provider said no for a reason on our side (funds, key, limits); the request waits, the
 *   provider is flagged for an admin.
 * - refuse: the provider said no to this request; an order is canceled and refunded.
 * - review: the provider may have acted; never sent again automatically, an admin decides.
 */
export const NEXT_STEP = {
  not_sent: 'retry',
  rate_limited: 'retry',
  rejected_soft: 'wait',
  rejected_hard: 'refuse',
  ambiguous: 'review',
} as const satisfies Record<ProviderErrorKind, 'retry' | 'wait' | 'refuse' | 'review'>;

export type NextStep = (typeof NEXT_STEP)[ProviderErrorKind];

export function nextStep(e: ProviderError): NextStep {
  return NEXT_STEP[e.kind];
}
