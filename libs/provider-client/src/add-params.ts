import { isPackageService } from '@smm/domain';
import type { AddOrder } from './client.ts';

export interface OrderToSend {
  providerServiceId: string;
  serviceType: string;
  link: string;
  quantity: number;
  runs?: number | null | undefined;
  interval?: number | null | undefined;
  comments?: string | null | undefined;
}

/** The `add` parameters a service type needs: Package sends only the link, Custom Comments the comments. */
export function addParamsFor(o: OrderToSend): AddOrder {
  const type = o.serviceType.trim().toLowerCase();
  if (isPackageService(o.serviceType)) return { service: o.providerServiceId, link: o.link };
  if (type.startsWith('custom comments')) {
    return { service: o.providerServiceId, link: o.link, comments: o.comments ?? '' };
  }
  const out: AddOrder = { service: o.providerServiceId, link: o.link, quantity: o.quantity };
  if (o.runs && o.interval) {
    out.runs = o.runs;
    out.interval = o.interval;
  }
  return out;
}
