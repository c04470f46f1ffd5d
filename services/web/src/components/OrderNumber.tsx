import { formatPublicNumber } from '@smm/domain/browser';

/** An order as people quote it (#23501): whole, and selected by one click for copying. */
export function OrderNumber({ number }: { number: number }) {
  return <span className="order-number">{formatPublicNumber(number)}</span>;
}
