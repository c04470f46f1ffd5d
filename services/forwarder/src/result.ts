import type { OrderStatus } from '@smm/domain';

/**
 * What a forward-order job returns (BullMQ stores it as the job's return value). The admin
 * forward-to-provider route waits for it, so every outcome that ends the job says where the order
 * stands. Outcomes that end in a thrown error instead: not_sent/rate_limited (BullMQ retries;
 * the order is `pending`) and ambiguous (UnrecoverableError `needs_review: …`; the order is
 * `needs_review`). After a failure the order row is the truth.
 */
export interface ForwardResult {
  status: OrderStatus;
  providerOrderId?: string;
  /** Why the order is not (yet) at the provider: the provider's own message when it sent one. */
  error?: string;
  /** When a waiting order (soft rejection, inactive provider) will be tried again, ISO time. */
  retryAt?: string;
  /** On a hard rejection: the amount given back to the customer. */
  refunded?: string;
}
