import { CUSTOMER_STATUS_WORD, customerStatus, type OrderStatus } from './order-status.ts';

/** Normalized provider words (lower case, no spaces, underscores or dashes) → our status. */
const PROVIDER_WORDS: Record<string, OrderStatus> = {
  pending: 'processing',
  processing: 'processing',
  inprogress: 'in_progress',
  active: 'in_progress',
  completed: 'completed',
  complete: 'completed',
  partial: 'partial',
  canceled: 'canceled',
  cancelled: 'canceled',
  refunded: 'canceled',
};

export interface MappedStatus {
  status: OrderStatus;
  /** false when the provider's word was not recognised and the current status was kept. */
  recognised: boolean;
}

export function normalizeProviderWord(raw: unknown): string {
  return String(raw ?? '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * architecture.md#order-lifecycle: provider words map case- and space-insensitively; anything else keeps the current status
 * (the caller stores the raw word in providerStatus and logs it).
 */
export function mapProviderStatus(raw: unknown, current: OrderStatus): MappedStatus {
  const mapped = PROVIDER_WORDS[normalizeProviderWord(raw)];
  return mapped ? { status: mapped, recognised: true } : { status: current, recognised: false };
}

/** architecture.md#reseller-api: our status as a reseller-facing provider word (the customer's word). */
export function toProviderWord(status: OrderStatus): string {
  return CUSTOMER_STATUS_WORD[customerStatus(status)];
}
