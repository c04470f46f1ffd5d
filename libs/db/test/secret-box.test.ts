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
