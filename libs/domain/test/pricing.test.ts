import { describe, expect, it } from 'vitest';
import { displayRate, priceOrder } from '../src/index.ts';

const bdtUser = { currency: 'BDT' as const, dollarRate: '120' };
const usdUser = { currency: 'USD' as const, dollarRate: '120' };

describe('priceOrder', () => {
  it('prices per thousand in both currencies', () => {
    const svc = { type: 'Default', rate: '108', rateUSD: '0.9' };
    expect(priceOrder(svc, 1500, bdtUser)).toEqual({
      price: '162.000000',
      currency: 'BDT',
      usdPrice: '1.350000',
      bdtPrice: '162.000000',
    });
    expect(priceOrder(svc, 1500, usdUser).price).toBe('1.350000');
  });

  it('derives BDT from USD × the user dollar rate when the service has no BDT rate', () => {
    const svc = { type: 'Default', rate: null, rateUSD: '0.0125' };
    const p = priceOrder(svc, 100, { currency: 'BDT', dollarRate: '121.5' });
    expect(p.usdPrice).toBe('0.001250');
    expect(p.bdtPrice).toBe('0.151875');
    expect(p.price).toBe('0.151875');
  });

  it('rounds half-up once, at the end', () => {
    // 0.0000015 × 1 (qty 1000) → 0.000002 after rounding; rounding per-unit first would give 0.
    const svc = { type: 'Default', rate: null, rateUSD: '0.0000015' };
    expect(priceOrder(svc, 1000, usdUser).price).toBe('0.000002');
    // 0.333333 × 7 / 1000 = 0.002333331 → 0.002333
    expect(priceOrder({ type: 'Default', rate: '0.333333', rateUSD: null }, 7, bdtUser).price).toBe(
      '0.002333',
    );
  });

  it('charges package services a flat rate per order', () => {
    const svc = { type: 'Package', rate: '500', rateUSD: '4.5' };
    expect(priceOrder(svc, 1, bdtUser).price).toBe('500.000000');
    expect(priceOrder(svc, 1, usdUser).price).toBe('4.500000');
    expect(priceOrder({ ...svc, type: 'package' }, 1, bdtUser).price).toBe('500.000000');
  });

  it('uses exact decimal math for big quantities', () => {
    const svc = { type: 'Default', rate: '0.1', rateUSD: '0.001' };
    expect(priceOrder(svc, 1_000_000_000, bdtUser).price).toBe('100000.000000');
  });

  it('rejects bad inputs', () => {
    const svc = { type: 'Default', rate: '1', rateUSD: '1' };
    expect(() => priceOrder(svc, 0, bdtUser)).toThrow(RangeError);
    expect(() => priceOrder(svc, 1.5, bdtUser)).toThrow(RangeError);
    expect(() => priceOrder({ type: 'Default', rate: null, rateUSD: null }, 10, bdtUser)).toThrow(RangeError);
  });

  it('shows the per-1000 rate in the user currency', () => {
    expect(displayRate({ type: 'Default', rate: null, rateUSD: '0.9' }, bdtUser)).toBe('108.000000');
    expect(displayRate({ type: 'Default', rate: '120', rateUSD: null }, usdUser)).toBe('1.000000');
  });
});
