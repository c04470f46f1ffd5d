import { createSecretBox } from '@smm/db';
import { providerUrlProblem } from '@smm/domain';
import {
  type CallEvent,
  type ProviderClient,
  ProviderClients,
  ProviderError,
  type Timeouts,
} from '@smm/provider-client';
import type postgres from 'postgres';

export interface ProviderRow {
  id: string;
  apiUrl: string;
  apiKeyEnc: string;
  /** sync_backoff_until as ISO text, when it is still in the future (by the database's clock). */
  backoffUntil: string | null;
  syncFailures: number;
}

export interface SyncProvidersOptions {
  sql: postgres.Sql;
  secretsKey: Buffer;
  /** SECRETS_KEY_PREVIOUS during a rotation: tried when the current key does not open a row. */
  previousSecretsKey?: Buffer | undefined;
  allowInsecureUrls: boolean;
  timeouts?: Partial<Timeouts> | undefined;
  onCall(providerId: string, event: CallEvent): void;
}

/**
 * Provider rows as status sync needs them (backoff state lives in Postgres, shared by replicas, so
 * every batch re-reads the row) and their clients, from the shared client cache.
 */
export class SyncProviders {
  readonly #opts: SyncProvidersOptions;
  readonly #clients: ProviderClients;

  constructor(opts: SyncProvidersOptions) {
    this.#opts = opts;
    const box = createSecretBox(
      opts.previousSecretsKey ? [opts.secretsKey, opts.previousSecretsKey] : [opts.secretsKey],
    );
    this.#clients = new ProviderClients({
      decrypt: (enc) => box.decrypt(enc),
      timeouts: opts.timeouts,
      onCallFor: (providerId) => (event) => opts.onCall(providerId, event),
    });
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

  /** Throws a soft ProviderError (never the key) when the provider cannot be called as configured. */
  clientFor(row: ProviderRow): ProviderClient {
    const problem = providerUrlProblem(row.apiUrl, this.#opts.allowInsecureUrls);
    // "Soft": the panel's own set-up is wrong; nothing was sent.
    if (problem)
      throw new ProviderError({ kind: 'rejected_soft', action: 'status', message: problem.reason });
    return this.#clients.get(row, 'status');
  }
}
