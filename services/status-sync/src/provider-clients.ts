import { createSecretBox } from '@smm/db';
import { type CallEvent, ProviderClient, ProviderError, type Timeouts } from '@smm/provider-client';
import type postgres from 'postgres';

export interface ProviderRow {
  id: string;
  apiUrl: string;
  apiKeyEnc: string;
  /** sync_backoff_until as ISO text, when it is still in the future (by the database's clock). */
  backoffUntil: string | null;
  syncFailures: number;
}

export interface ProviderClientsOptions {
  sql: postgres.Sql;
  secretsKey: Buffer;
  /** SECRETS_KEY_PREVIOUS during a rotation: tried when the current key does not open a row. */
  previousSecretsKey?: Buffer | undefined;
  allowInsecureUrls: boolean;
  timeouts?: Partial<Timeouts> | undefined;
  onCall(providerId: string, event: CallEvent): void;
}

/**
 * Provider rows and their clients. A client is rebuilt whenever the provider's URL or encrypted key
 * changes, so an admin's edit takes effect on the next batch without a restart. The cache is only
 * an optimisation: every batch re-reads the row (backoff state lives in Postgres, shared by replicas).
 */
export class ProviderClients {
  readonly #opts: ProviderClientsOptions;
  readonly #box;
  readonly #cache = new Map<string, { fingerprint: string; client: ProviderClient }>();

  constructor(opts: ProviderClientsOptions) {
    this.#opts = opts;
    this.#box = createSecretBox(
      opts.previousSecretsKey ? [opts.secretsKey, opts.previousSecretsKey] : [opts.secretsKey],
    );
  }

  async load(providerId: string): Promise<ProviderRow | null> {
    const [row] = await this.#opts.sql<ProviderRow[]>`
      select id, api_url as "apiUrl", api_key_enc as "apiKeyEnc",
             case when sync_backoff_until > now()
                  then to_char(sync_backoff_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') end
               as "backoffUntil",
             sync_failures as "syncFailures"
      from api_providers where id = ${providerId}`;
    return row ?? null;
  }

  /** Throws a ProviderError (never the key) when the provider cannot be called as configured. */
  clientFor(row: ProviderRow): ProviderClient {
    const fingerprint = `${row.apiUrl}\n${row.apiKeyEnc}`;
    const cached = this.#cache.get(row.id);
    if (cached?.fingerprint === fingerprint) return cached.client;

    let url: URL;
    try {
      url = new URL(row.apiUrl);
    } catch {
      throw configError('the provider API URL is not a valid URL');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.#opts.allowInsecureUrls)) {
      throw configError('the provider API URL must be https (ALLOW_INSECURE_PROVIDER_URLS is off)');
    }
    let apiKey: string;
    try {
      apiKey = this.#box.decrypt(row.apiKeyEnc);
    } catch {
      throw configError('the provider API key cannot be decrypted with this SECRETS_KEY');
    }
    const client = new ProviderClient({
      apiUrl: row.apiUrl,
      apiKey,
      ...(this.#opts.timeouts ? { timeouts: this.#opts.timeouts } : {}),
      onCall: (event) => this.#opts.onCall(row.id, event),
    });
    this.#cache.set(row.id, { fingerprint, client });
    return client;
  }
}

function configError(message: string): ProviderError {
  // "Soft": the panel's own setup is wrong; nothing was sent.
  return new ProviderError({ kind: 'rejected_soft', action: 'status', message });
}
