import { describe, expect, it } from 'vitest';
import { formatPublicNumber, PUBLIC_NUMBER_MAX, parsePublicNumber } from '../src/public-number.ts';

describe('public numbers', () => {
  it('reads what clients send: numbers, digit strings, padded strings', () => {
    expect(parsePublicNumber(23501)).toBe(23501);
    expect(parsePublicNumber('23501')).toBe(23501);
    expect(parsePublicNumber(' 1000 ')).toBe(1000);
    expect(parsePublicNumber(String(PUBLIC_NUMBER_MAX))).toBe(PUBLIC_NUMBER_MAX);
  });

  it('refuses what is no number of ours', () => {
    for (const raw of [
      'ord_01m8',
      '',
      '0',
      '-3',
      '12.0',
      '1e3',
      '0012',
      String(PUBLIC_NUMBER_MAX + 1),
      12.5,
      null,
      {},
    ]) {
      expect(parsePublicNumber(raw), String(raw)).toBeNull();
    }
  });

  it('shows a number as customers quote it', () => {
    expect(formatPublicNumber(23501)).toBe('#23501');
  });
});
