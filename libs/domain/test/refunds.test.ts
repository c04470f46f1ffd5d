import { describe, expect, it } from 'vitest';
import { cancelRefundAmount, parseRemains, partialRefundAmount } from '../src/index.ts';

describe('parseRemains', () => {
  it('accepts numbers and numeric strings, negatives included', () => {
    expect(parseRemains(157)).toBe(157);
    expect(parseRemains('157')).toBe(157);
    expect(parseRemains(' -20 ')).toBe(-20);
    expect(parseRemains('12.0')).toBe(12);
  });
  it('returns null for words and junk', () => {
    expect(parseRemains('Unknown')).toBeNull();
    expect(parseRemains('')).toBeNull();
    expect(parseRemains(null)).toBeNull();
    expect(parseRemains(Number.NaN)).toBeNull();
  });
});

describe('partialRefundAmount', () => {
  it('refunds price × remains / quantity rounded down', () => {
    expect(partialRefundAmount('1.000000', 157, 1000)).toEqual({ amount: '0.157000', remainsUnknown: false });
    // 1 × 1/3 = 0.3333333… → 0.333333 (down)
    expect(partialRefundAmount('1.000000', 1, 3).amount).toBe('0.333333');
    // 2 × 2/3 = 1.3333333… → 1.333333 (down, never up)
    expect(partialRefundAmount('2.000000', 2, 3).amount).toBe('1.333333');
  });
  it('clamps negative remains (over-delivery) to zero', () => {
    expect(partialRefundAmount('5.000000', -40, 100).amount).toBe('0.000000');
  });
  it('clamps remains above quantity to the full price', () => {
    expect(partialRefundAmount('5.000000', 150, 100).amount).toBe('5.000000');
  });
  it('refunds nothing automatically when remains are unknown', () => {
    expect(partialRefundAmount('5.000000', null, 100)).toEqual({ amount: '0.000000', remainsUnknown: true });
  });
});

describe('cancelRefundAmount', () => {
  it('refunds everything not yet refunded', () => {
    expect(cancelRefundAmount('10.000000', '0')).toBe('10.000000');
    expect(cancelRefundAmount('10.000000', '2.500001')).toBe('7.499999');
    expect(cancelRefundAmount('10.000000', '10.000000')).toBe('0.000000');
  });
  it('is never negative', () => {
    expect(cancelRefundAmount('1.000000', '3')).toBe('0.000000');
  });
});
