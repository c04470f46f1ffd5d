import { describe, expect, it } from 'vitest';
import { addMoney, compareMoney, dec, floorMoney, roundMoney, subMoney } from '../src/index.ts';

describe('money', () => {
  it('is exact where floats are not', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.300000');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(subMoney('1.000001', '0.000002')).toBe('0.999999');
  });

  it('rounds half-up to 6 decimals', () => {
    expect(roundMoney('1.0000005')).toBe('1.000001');
    expect(roundMoney('1.00000049')).toBe('1.000000');
    expect(roundMoney('-1.0000005')).toBe('-1.000001');
    expect(roundMoney('2')).toBe('2.000000');
  });

  it('floors toward zero for refunds', () => {
    expect(floorMoney('1.9999999')).toBe('1.999999');
  });

  it('refuses floats and junk', () => {
    expect(() => dec(0.1)).toThrow(TypeError);
    expect(() => dec('1e5')).toThrow(TypeError);
    expect(() => dec('abc')).toThrow(TypeError);
    expect(dec(5).toString()).toBe('5');
  });

  it('handles numeric(20,6)-sized values without loss', () => {
    expect(addMoney('99999999999999.999999', '0.000001')).toBe('100000000000000.000000');
    expect(compareMoney('10.5', '10.50')).toBe(0);
  });
});
