import { compareMoney, Decimal, dec, floorMoney, MONEY_SCALE, type MoneyInput, roundMoney } from './money.ts';

export type DepositCurrency = 'BDT' | 'USD';

/**
 * What a wallet or bank prints as the transaction's reference: 4–64 letters, digits and dashes, at
 * least 4 of them letters or digits, dashes only between them. Dashes are spacing, not identity: the
 * unique index compares ids without them (`8N7A-6B5C` is `8N7A6B5C`).
 */
export const TRANSACTION_ID_RE = /^(?=.{4,64}$)(?=(?:-*[A-Za-z0-9]){4})[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** Requests a customer may have waiting at once: enough for honest retries, not a flood for admins. */
export const MAX_PENDING_DEPOSITS = 5;

/** A deposit amount as customers and admins type it: positive, at most 6 decimals, within numeric(20,6). */
export const DEPOSIT_AMOUNT_RE = /^\d{1,14}(\.\d{1,6})?$/;

export interface MethodLimits {
  minAmount: MoneyInput;
  maxAmount: MoneyInput;
}

export function depositInRange(amount: MoneyInput, m: MethodLimits): boolean {
  return compareMoney(amount, m.minAmount) >= 0 && compareMoney(amount, m.maxAmount) <= 0;
}

export interface DepositCredit {
  /** Kept by the panel, in the method's currency (rounded up, so the credit is never above the exact net). */
  feeAmount: string;
  /** What the balance gets, in the user's currency. */
  creditedAmount: string;
  /** BDT per USD used, when the method's currency is not the user's. */
  dollarRate: string | null;
}

/**
 * The one rule for what a deposit is worth to the balance: the received amount less the method's
 * fee, converted with the user's own dollar rate when the currencies differ. Conversion rounds down
 * so the panel never credits more than it received.
 */
export function depositCredit(
  received: { amount: MoneyInput; currency: DepositCurrency; feePercent: MoneyInput },
  user: { currency: DepositCurrency; dollarRate: MoneyInput },
): DepositCredit {
  const amount = dec(received.amount);
  const feeAmount = amount
    .times(dec(received.feePercent))
    .dividedBy(100)
    .toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_UP)
    .toFixed(MONEY_SCALE);
  const net = amount.minus(dec(feeAmount));
  if (received.currency === user.currency) {
    return { feeAmount, creditedAmount: floorMoney(net), dollarRate: null };
  }
  const rate = dec(user.dollarRate);
  if (rate.lte(0)) throw new RangeError('dollar rate must be positive');
  const converted: Decimal = received.currency === 'USD' ? net.times(rate) : net.dividedBy(rate);
  return { feeAmount, creditedAmount: floorMoney(converted), dollarRate: roundMoney(rate) };
}
