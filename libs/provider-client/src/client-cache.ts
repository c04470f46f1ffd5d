import { LRUCache } from 'lru-cache';
import type { CallEvent } from './client.ts';
import { ProviderClient } from './client.ts';
import { ProviderError } from './errors.ts';
import type { Timeouts } from './transport.ts';

export interface ProviderRow {
  id: string;
  apiUrl: string;
  apiKeyEnc: string;
}

export interface ProviderClientsOptions {
  /** Opens a stored API key (the services' SecretBox): the key lives in memory only, in the client. */
  decrypt: (enc: string) => string;
  timeouts?: Partial<Timeouts> | undefined;
  /** A listener per provider for every call it gets (metrics), made when its client is. */
  onCallFor?: ((providerId: string) => (event: CallEvent) => void) | undefined;
  max?: number;
}

/**
 * One client per provider, rebuilt when its URL or encrypted key changes (an admin's edit applies on
 * the next call, no restart), so the key is decrypted once rather than on every order. Shared by the
 * forwarder and status-sync. `get` throws a soft ProviderError (nothing was sent, the panel's own
 * set-up is wrong) when the key does not open with this SECRETS_KEY.
 */
export class ProviderClients {
  readonly #opts: ProviderClientsOptions;
  readonly #cache: LRUCache<string, { fingerprint: string; client: ProviderClient }>;

  constructor(opts: ProviderClientsOptions) {
    this.#opts = opts;
    this.#cache = new LRUCache({ max: opts.max ?? 1_000 });
  }

  get(p: ProviderRow, action = 'add'): ProviderClient {
    const fingerprint = `${p.apiUrl}\n${p.apiKeyEnc}`;
    const hit = this.#cache.get(p.id);
    if (hit?.fingerprint === fingerprint) return hit.client;
    let apiKey: string;
    try {
      apiKey = this.#opts.decrypt(p.apiKeyEnc);
    } catch {
      throw new ProviderError({
        kind: 'rejected_soft',
        fault: 'account',
        action,
        message: 'cannot decrypt the provider API key (SECRETS_KEY differs from the gateway)',
      });
    }
    const onCall = this.#opts.onCallFor?.(p.id);
    const client = new ProviderClient({
      apiUrl: p.apiUrl,
      apiKey,
      ...(this.#opts.timeouts ? { timeouts: this.#opts.timeouts } : {}),
      ...(onCall ? { onCall } : {}),
    });
    this.#cache.set(p.id, { fingerprint, client });
    return client;
  }
}
