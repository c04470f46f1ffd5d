import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretBox {
  /** Always with the current key (the first one). */
  encrypt(plaintext: string): string;
  /** With the current key, else with each previous key in turn; throws when none opens it. */
  decrypt(ciphertext: string): string;
  /**
   * Like decrypt, and says which key opened it: 0 is the current key. A rotation re-encrypts
   * exactly the values with `keyIndex > 0`, so running it twice changes nothing the second time.
   */
  open(ciphertext: string): { plaintext: string; keyIndex: number };
}

const VERSION = 'v1';

/**
 * AES-256-GCM for provider secrets at rest (apiKey, loginPass). Ciphertext is
 * `v1.<iv>.<tag>.<data>` in base64url; a wrong key or a tampered value fails to decrypt (the GCM
 * tag), which is also how a value is matched to the key that sealed it.
 *
 * `keys` is one key, or the current key followed by the previous ones (SECRETS_KEY, then
 * SECRETS_KEY_PREVIOUS while a rotation is under way): everything new is sealed with the current key,
 * and values not yet rotated still open.
 */
export function createSecretBox(keys: Buffer | readonly Buffer[]): SecretBox {
  const list = Buffer.isBuffer(keys) ? [keys] : [...keys];
  if (list.length === 0) throw new RangeError('at least one secrets key is needed');
  for (const key of list) if (key.length !== 32) throw new RangeError('secrets key must be 32 bytes');
  const current = list[0]!;

  function openWith(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer): string | null {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  const box: SecretBox = {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join(
        '.',
      );
    },
    open(ciphertext) {
      const [version, iv, tag, data] = ciphertext.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined)
        throw new Error('not an encrypted secret');
      const parts = [iv, tag, data].map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
      for (const [keyIndex, key] of list.entries()) {
        const plaintext = openWith(key, ...parts);
        if (plaintext !== null) return { plaintext, keyIndex };
      }
      throw new Error('the secret does not decrypt with any configured key');
    },
    decrypt(ciphertext) {
      return box.open(ciphertext).plaintext;
    },
  };
  return box;
}

/** Shows that a secret is set without showing it: `••••1234`. */
export function maskSecret(plaintext: string | null | undefined): string | null {
  if (!plaintext) return null;
  return plaintext.length <= 8 ? '••••' : `••••${plaintext.slice(-4)}`;
}
