import { dec, roundMoney } from '@smm/domain';

/** Charge of an order: rate per 1000 units, or the flat rate for a package. Exact, 6 decimals. */
export function orderCharge(rate: string, quantity: number, flat: boolean): string {
  return flat ? roundMoney(rate) : roundMoney(dec(rate).times(quantity).dividedBy(1000));
}

/** Share of a charge for what was delivered (a partial order costs only what arrived). */
export function deliveredCharge(fullCharge: string, delivered: number, quantity: number): string {
  if (delivered <= 0 || quantity <= 0) return '0';
  if (delivered >= quantity) return fullCharge;
  return roundMoney(dec(fullCharge).times(delivered).dividedBy(quantity));
}

/** Wire format for money: no trailing zeros beyond two decimals, as panels print it ("100.84", "0.27819"). */
export function formatMoney(value: string): string {
  const [int = '0', frac = ''] = value.split('.');
  let f = frac.replace(/0+$/, '');
  if (f.length < 2) f = f.padEnd(2, '0');
  return `${int}.${f}`;
}
