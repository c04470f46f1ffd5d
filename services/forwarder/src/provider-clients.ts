import type { SecretBox } from '@smm/db';
import { ProviderClient, type Timeouts } from '@smm/provider-client';
import type { ForwarderMetrics } from './metrics.ts';

export interface ProviderRow {
  id: string;
  apiUrl: string;
  apiKeyEnc: string;
}

/**
 * One client per provider, rebuilt when its URL or encrypted key changes, so the key is decrypted
 * once rather than on every order. `get` throws when the key cannot be decrypted (SECRETS_KEY differs
 * from the one the gateway encrypted it with).
 */
export class ProviderClients {
  readonly #cache = new Map<string, { apiUrl: string; apiKeyEnc: string; client: ProviderClient }>();
  readonly #box: SecretBox;
  readonly #timeouts: Partial<Timeouts>;
  readonly #metrics: ForwarderMetrics;

  constructor(box: SecretBox, timeouts: Partial<Timeouts>, metrics: ForwarderMetrics) {
    this.#box = box;
    this.#timeouts = timeouts;
    this.#metrics = metrics;
  }

  get(p: ProviderRow): ProviderClient {
    const hit = this.#cache.get(p.id);
    if (hit && hit.apiUrl === p.apiUrl && hit.apiKeyEnc === p.apiKeyEnc) return hit.client;
    const client = new ProviderClient({
      apiUrl: p.apiUrl,
      apiKey: this.#box.decrypt(p.apiKeyEnc),
      timeouts: this.#timeouts,
      onCall: this.#metrics.onCall(p.id),
    });
    this.#cache.set(p.id, { apiUrl: p.apiUrl, apiKeyEnc: p.apiKeyEnc, client });
    return client;
  }
}
