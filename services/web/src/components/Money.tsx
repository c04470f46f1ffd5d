import type { Currency, Money as MoneyAmount } from '../api/types.ts';
import { exactMoney, formatMoney } from '../lib/money.ts';

/**
 * An amount as people read it (formatMoney: 2 places, 4 under 0.01), the exact one the API holds in
 * the tooltip when the shown one is rounded.
 */
export function Money(props: {
  amount: MoneyAmount;
  currency?: Currency | string | null;
  signed?: boolean;
  testId?: string;
  className?: string;
}) {
  return (
    <span
      translate="no"
      className={props.className}
      data-testid={props.testId}
      title={exactMoney(props.amount, props.currency)}
    >
      {formatMoney(props.amount, props.currency, { signed: props.signed })}
    </span>
  );
}
