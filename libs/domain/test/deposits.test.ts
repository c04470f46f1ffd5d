import { describe, expect, it } from 'vitest';
import { DEPOSIT_AMOUNT_RE, depositCredit, depositInRange, TRANSACTION_ID_RE } from '../src/index.ts';

describe('depositCredit', () => {
  it('credits the amount as received when the currencies match', () => {
    expect(
      depositCredit(
        { amount: '500', currency: 'BDT', feePercent: '0' },
        { currency: 'BDT', dollarRate: '120' },
      ),
    ).toEqual({ feeAmount: '0.000000', creditedAmount: '500.000000', dollarRate: null });
  });

  it('takes the fee first, rounded up to 6 places, in the method currency', () => {
    // 1.85 % of 333.33 = 6.166605 → 6.166605; 333.33 − 6.166605 = 327.163395
    expect(
      depositCredit(
        { amount: '333.33', currency: 'BDT', feePercent: '1.85' },
        { currency: 'BDT', dollarRate: '1' },
      ),
    ).toEqual({ feeAmount: '6.166605', creditedAmount: '327.163395', dollarRate: null });
    // 2.5 % of 0.000019 = 0.000000475: the fee rounds up to 0.000001, never down to nothing.
    expect(
      depositCredit(
        { amount: '0.000019', currency: 'BDT', feePercent: '2.5' },
        { currency: 'BDT', dollarRate: '1' },
      ),
    ).toEqual({ feeAmount: '0.000001', creditedAmount: '0.000018', dollarRate: null });
  });

  it("converts with the user's own dollar rate, rounding down (never more than received)", () => {
    // BDT method, USD user at 121.5 BDT/USD: 1000 / 121.5 = 8.230452674… → 8.230452
    expect(
      depositCredit(
        { amount: '1000', currency: 'BDT', feePercent: '0' },
        { currency: 'USD', dollarRate: '121.5' },
      ),
    ).toEqual({ feeAmount: '0.000000', creditedAmount: '8.230452', dollarRate: '121.500000' });
    // USD method, BDT user at 119.75: (10 − 2 % fee) × 119.75 = 9.8 × 119.75 = 1173.55
    expect(
      depositCredit(
        { amount: '10', currency: 'USD', feePercent: '2' },
        { currency: 'BDT', dollarRate: '119.75' },
      ),
    ).toEqual({ feeAmount: '0.200000', creditedAmount: '1173.550000', dollarRate: '119.750000' });
    // Exact where floats are not: 0.1 + 0.2 style amounts stay exact.
    expect(
      depositCredit(
        { amount: '0.3', currency: 'USD', feePercent: '0' },
        { currency: 'BDT', dollarRate: '0.1' },
      ).creditedAmount,
    ).toBe('0.030000');
  });
});

describe('deposit input rules', () => {
  it('bounds the amount by the method, both ends included', () => {
    const m = { minAmount: '100', maxAmount: '25000' };
    expect(depositInRange('100', m)).toBe(true);
    expect(depositInRange('25000.000000', m)).toBe(true);
    expect(depositInRange('99.999999', m)).toBe(false);
    expect(depositInRange('25000.000001', m)).toBe(false);
  });

  it('takes transaction ids of 4–64 letters, digits and dashes, and plain positive amounts', () => {
    for (const ok of ['8N7A6B5C4D', 'abc-1', 'TRX-77AB-9', 'A'.repeat(64)]) {
      expect(TRANSACTION_ID_RE.test(ok), ok).toBe(true);
    }
    const refused = [
      'abc',
      'ab-1',
      '----',
      '-8N7A6B',
      '8N7A6B-',
      '8N7A--6B',
      'A'.repeat(65),
      '8N7A 6B5C',
      "x';--",
      'ট্রানজেকশন',
    ];
    for (const bad of refused) {
      expect(TRANSACTION_ID_RE.test(bad), bad).toBe(false);
    }
    for (const ok of ['1', '500', '0.5', '12.123456']) expect(DEPOSIT_AMOUNT_RE.test(ok), ok).toBe(true);
    for (const bad of ['-5', '1e3', '12.1234567', '', ' 5', '5.'])
      expect(DEPOSIT_AMOUNT_RE.test(bad), bad).toBe(false);
  });
});
