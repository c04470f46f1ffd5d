import { serviceKind, unsupportedTypeReason } from '@smm/domain';
import type { AddOrder } from './client.ts';

export interface OrderToSend {
  providerServiceId: string;
  /** The type the order was sold as (the order's own snapshot, not the service's current type). */
  serviceType: string;
  link: string;
  quantity: number;
  runs?: number | null | undefined;
  interval?: number | null | undefined;
  comments?: string | null | undefined;
}

export class UnsupportedServiceTypeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnsupportedServiceTypeError';
  }
}

/**
 * The `add` parameters a service type needs. A Package sends `quantity=1` as well (some providers
 * refuse a package add without it); Custom Comments send the lines (their count is the quantity);
 * drip-feed sends runs/interval.
 * A type the panel cannot send throws: it is never sent as Default.
 */
export function addParamsFor(o: OrderToSend): AddOrder {
  const base = { service: o.providerServiceId, link: o.link };
  switch (serviceKind(o.serviceType)) {
    case 'package':
      return { ...base, quantity: 1 };
    case 'custom_comments_package':
      return { ...base, quantity: 1, comments: o.comments ?? '' };
    case 'custom_comments':
      return { ...base, comments: o.comments ?? '' };
    case 'default': {
      const out: AddOrder = { ...base, quantity: o.quantity };
      if (o.runs && o.interval) {
        out.runs = o.runs;
        out.interval = o.interval;
      }
      return out;
    }
    case 'unsupported':
      throw new UnsupportedServiceTypeError(unsupportedTypeReason(o.serviceType) ?? 'unsupported type');
  }
}
