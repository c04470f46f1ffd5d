import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, maskSecret } from '../src/index.ts';

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));
  it('round-trips and never stores the plaintext', () => {
    const enc = box.encrypt('provider-key-123456');
    expect(enc).not.toContain('provider-key');
    expect(box.decrypt(enc)).toBe('provider-key-123456');
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });
  it('refuses a wrong key or a tampered value', () => {
    const enc = box.encrypt('secret');
    expect(() => createSecretBox(randomBytes(32)).decrypt(enc)).toThrow();
    const parts = enc.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow();
  });
  it('masks', () => {
    expect(maskSecret('abcdefghijkl')).toBe('••••ijkl');
    expect(maskSecret('short')).toBe('••••');
    expect(maskSecret(null)).toBeNull();
  });
});

describe('secret box with a previous key (rotation)', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const oldBox = createSecretBox(oldKey);
  const both = createSecretBox([newKey, oldKey]);

  it('opens values sealed with either key, says which, and always seals with the current one', () => {
    const underOld = oldBox.encrypt('old-provider-key');
    expect(both.decrypt(underOld)).toBe('old-provider-key');
    expect(both.open(underOld)).toEqual({ plaintext: 'old-provider-key', keyIndex: 1 });
    const sealed = both.encrypt('new-provider-key');
    expect(both.open(sealed).keyIndex).toBe(0);
    expect(createSecretBox(newKey).decrypt(sealed)).toBe('new-provider-key');
    expect(() => oldBox.decrypt(sealed)).toThrow();
  });

  it('refuses what none of its keys sealed, and bad keys', () => {
    expect(() => both.decrypt(createSecretBox(randomBytes(32)).encrypt('x'))).toThrow(/any configured key/);
    expect(() => createSecretBox([])).toThrow(RangeError);
    expect(() => createSecretBox([newKey, Buffer.alloc(16)])).toThrow(RangeError);
  });
});
