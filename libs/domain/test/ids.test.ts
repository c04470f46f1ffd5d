import { describe, expect, it } from 'vitest';
import { isId, newId } from '../src/index.ts';

describe('newId', () => {
  it('is prefixed, never all digits, never contains a colon', () => {
    const id = newId('order');
    expect(id).toMatch(/^ord_[0-9a-z]{26}$/);
    expect(id).not.toContain(':');
    expect(/^\d+$/.test(id)).toBe(false);
    expect(isId(id, 'order')).toBe(true);
    expect(isId(id, 'user')).toBe(false);
  });

  it('sorts by creation time, also within one millisecond', () => {
    const t = 1_760_000_000_000;
    const ids = [
      newId('order', t),
      newId('order', t),
      newId('order', t),
      newId('order', t + 1),
      newId('order', t + 50),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('later milliseconds sort after earlier ones', () => {
    expect(newId('user', 1000) < newId('user', 2000)).toBe(true);
  });

  it('rejects lookalikes', () => {
    expect(isId('ord_123')).toBe(false);
    expect(isId('12345678901234567890123456')).toBe(false);
    expect(isId(`ord_${'a'.repeat(25)}:`)).toBe(false);
    expect(isId(42)).toBe(false);
  });
});
