import type postgres from 'postgres';
import type { SecretBox } from '../secret-box.ts';

export interface RotationResult {
  /** Provider rows looked at. */
  providers: number;
  /** Secrets (api_key_enc and login_pass_enc count one each) re-encrypted with the current key. */
  reencrypted: number;
  /** Secrets that were already under the current key: left as they are. */
  alreadyCurrent: number;
  /** Providers with a secret no key opens (only with `skipUnreadable`; otherwise that is an error). */
  unreadable: string[];
}

export interface RotationOptions {
  /**
   * Rotate what opens and leave the rest as it is (those providers are already unusable: set their
   * key again in the admin API). Off by default: a wrong SECRETS_KEY_PREVIOUS must change nothing.
   */
  skipUnreadable?: boolean;
}

/** Some secrets open with none of the keys: nothing was changed. Names the providers, never a secret. */
export class RotationError extends Error {
  readonly providerIds: string[];
  constructor(providerIds: string[]) {
    super(
      `${providerIds.length} provider secret(s) open with neither SECRETS_KEY nor SECRETS_KEY_PREVIOUS ` +
        `(providers ${providerIds.join(', ')}); nothing was changed`,
    );
    this.name = 'RotationError';
    this.providerIds = providerIds;
  }
}

interface Row {
  id: string;
  apiKeyEnc: string;
  loginPassEnc: string | null;
}

/**
 * Re-encrypts every provider secret (api_key_enc, login_pass_enc) under the box's current key, in one
 * transaction with the rows locked (`select … for update`), so a concurrent admin edit waits and is
 * not overwritten. `box` holds the new key first and the old one(s) after it. Values that already open
 * with the current key are recognised and left alone: running it twice is harmless. If any value opens
 * with no key the whole transaction is rolled back (RotationError), unless `skipUnreadable`.
 */
export async function rotateProviderSecrets(
  sql: postgres.Sql,
  box: SecretBox,
  opts: RotationOptions = {},
): Promise<RotationResult> {
  return sql.begin(async (tx) => {
    const rows = await tx<Row[]>`
      select id, api_key_enc as "apiKeyEnc", login_pass_enc as "loginPassEnc"
      from api_providers order by id for update`;
    const unreadable: string[] = [];
    const result: RotationResult = { providers: rows.length, reencrypted: 0, alreadyCurrent: 0, unreadable };
    const updates: Array<{ id: string; apiKeyEnc: string; loginPassEnc: string | null }> = [];

    const rotate = (row: Row, value: string): string | null => {
      let opened: { plaintext: string; keyIndex: number };
      try {
        opened = box.open(value);
      } catch {
        if (!unreadable.includes(row.id)) unreadable.push(row.id);
        return null;
      }
      if (opened.keyIndex === 0) {
        result.alreadyCurrent += 1;
        return value;
      }
      result.reencrypted += 1;
      return box.encrypt(opened.plaintext);
    };

    for (const row of rows) {
      const apiKeyEnc = rotate(row, row.apiKeyEnc);
      const loginPassEnc = row.loginPassEnc === null ? null : rotate(row, row.loginPassEnc);
      if (apiKeyEnc === null || (row.loginPassEnc !== null && loginPassEnc === null)) continue;
      if (apiKeyEnc !== row.apiKeyEnc || loginPassEnc !== row.loginPassEnc) {
        updates.push({ id: row.id, apiKeyEnc, loginPassEnc });
      }
    }
    if (unreadable.length > 0 && !opts.skipUnreadable) throw new RotationError(unreadable);
    for (const u of updates) {
      await tx`update api_providers set api_key_enc = ${u.apiKeyEnc}, login_pass_enc = ${u.loginPassEnc}
               where id = ${u.id}`;
    }
    return result;
  }) as Promise<RotationResult>;
}
