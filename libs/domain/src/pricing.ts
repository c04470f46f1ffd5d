import { Decimal, dec, roundMoney } from './money.ts';
import { isPackageService } from './service-types.ts';

export const CURRENCIES = ['BDT', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface PricedService {
  type: string;
  /** Price per 1000 in BDT; null when the service is priced in USD only. */
  rate: string | null;
  /** Price per 1000 in USD; null when the service is priced in BDT only. */
  rateUSD: string | null;
}

export interface PricingUser {
  currency: Currency;
  /** BDT per USD for this user. */
  dollarRate: string;
}

export interface OrderPrice {
  price: string;
  currency: Currency;
  usdPrice: string;
  bdtPrice: string;
}

/**
 * architecture.md#money: usdPrice = rateUSD × qty / 1000, bdtPrice = rate × qty / 1000 (or usdPrice × dollarRate when
 * the service has no BDT rate). Package services (and Custom Comments Packages) charge their rate once per order. Everything is
 * computed exactly and rounded half-up to 6 decimals once, at the end.
 */
export function priceOrder(service: PricedService, quantity: number, user: PricingUser): OrderPrice {
  if (!Number.isSafeInteger(quantity) || quantity <= 0)
    throw new RangeError('quantity must be a positive integer');
  const units = isPackageService(service.type) ? new Decimal(1) : dec(quantity).div(1000);
  const dollarRate = dec(user.dollarRate);
  if (dollarRate.lte(0)) throw new RangeError('dollarRate must be positive');

  let usd: Decimal;
  let bdt: Decimal;
  if (service.rateUSD !== null && service.rate !== null) {
    usd = dec(service.rateUSD).times(units);
    bdt = dec(service.rate).times(units);
  } else if (service.rateUSD !== null) {
    usd = dec(service.rateUSD).times(units);
    bdt = usd.times(dollarRate);
  } else if (service.rate !== null) {
    bdt = dec(service.rate).times(units);
    usd = bdt.div(dollarRate);
  } else {
    throw new RangeError('service has no rate');
  }
  const usdPrice = roundMoney(usd);
  const bdtPrice = roundMoney(bdt);
  return {
    usdPrice,
    bdtPrice,
    currency: user.currency,
    price: user.currency === 'USD' ? usdPrice : bdtPrice,
  };
}

/** The per-1000 price shown to a user in their currency (service listings). */
export function displayRate(service: PricedService, user: PricingUser): string {
  if (user.currency === 'USD') {
    if (service.rateUSD !== null) return roundMoney(service.rateUSD);
    return roundMoney(dec(service.rate ?? '0').div(dec(user.dollarRate)));
  }
  if (service.rate !== null) return roundMoney(service.rate);
  return roundMoney(dec(service.rateUSD ?? '0').times(dec(user.dollarRate)));
}
