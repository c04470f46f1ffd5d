import { describe, expect, it } from 'vitest';
import { createOrdersBodySchema, linkSchema, newId, quantitySchema } from '../src/index.ts';

describe('order DTOs', () => {
  const line = {
    categoryId: newId('category'),
    serviceId: newId('service'),
    link: 'https://x.com/a',
    qty: 100,
  };
  it('accepts a single line and a mass order', () => {
    expect(createOrdersBodySchema.safeParse(line).success).toBe(true);
    expect(createOrdersBodySchema.safeParse({ orders: [line, line] }).success).toBe(true);
  });
  it('rejects unknown fields', () => {
    for (const extra of ['price', 'status', 'balance', 'userId']) {
      expect(createOrdersBodySchema.safeParse({ ...line, [extra]: 1 }).success).toBe(false);
    }
  });
  it('takes comments and drip-feed runs/interval within bounds (the intake checks them per service)', () => {
    expect(createOrdersBodySchema.safeParse({ ...line, comments: 'a\nb' }).success).toBe(true);
    expect(createOrdersBodySchema.safeParse({ ...line, runs: 2, interval: 1 }).success).toBe(true);
    expect(createOrdersBodySchema.safeParse({ ...line, runs: 1000, interval: 1440 }).success).toBe(true);
    for (const bad of [
      { comments: ['a'] },
      { runs: 1 },
      { runs: 1001 },
      { runs: 2.5 },
      { runs: '3' },
      { interval: 0 },
      { interval: 1441 },
    ]) {
      expect(createOrdersBodySchema.safeParse({ ...line, ...bad }).success).toBe(false);
    }
  });
  it('rejects 101 lines and empty mass orders', () => {
    expect(createOrdersBodySchema.safeParse({ orders: Array(101).fill(line) }).success).toBe(false);
    expect(createOrdersBodySchema.safeParse({ orders: [] }).success).toBe(false);
  });
  it('links must be http(s) and bounded', () => {
    expect(linkSchema.safeParse('javascript:alert(1)').success).toBe(false);
    expect(linkSchema.safeParse('ftp://x.com').success).toBe(false);
    expect(linkSchema.safeParse('not a url').success).toBe(false);
    expect(linkSchema.safeParse(`https://x.com/${'a'.repeat(10_000)}`).success).toBe(false);
    expect(linkSchema.safeParse('http://x.com/p?q=1').success).toBe(true);
  });
  it('quantities are positive safe integers', () => {
    for (const bad of [0, -1, 1.5, 1e20, '10', Number.NaN])
      expect(quantitySchema.safeParse(bad).success).toBe(false);
    expect(quantitySchema.safeParse(50).success).toBe(true);
  });
});
