import { providerUrlProblem } from '@smm/domain';
import { isProviderError, ProviderClient, type ProviderError, redactSecret } from '@smm/provider-client';
import type { FastifyInstance } from 'fastify';
import { AppError, ERROR_CODE, notFound } from '../errors.ts';

/** Admin calls wait on a person: shorter than the workers' limits, still enough for a slow panel. */
const ADMIN_TIMEOUTS = { response: 15_000, request: 20_000 };

/** architecture.md#security: provider URLs are https unless ALLOW_INSECURE_PROVIDER_URLS (the domain's one rule), as a 4xx. */
export function assertProviderUrl(raw: string, allowInsecure: boolean): void {
  const problem = providerUrlProblem(raw, allowInsecure);
  if (!problem) return;
  if (!URL.canParse(raw)) {
    throw new AppError(400, ERROR_CODE.validation, 'apiUrl is not a URL', [
      { field: 'body.apiUrl', message: 'not a URL' },
    ]);
  }
  throw new AppError(
    422,
    ERROR_CODE.providerUrlNotAllowed,
    allowInsecure
      ? 'apiUrl must be an http(s) URL'
      : 'apiUrl must be https (ALLOW_INSECURE_PROVIDER_URLS is off)',
  );
}

export interface ProviderSecrets {
  id: string;
  apiUrl: string;
  apiKeyEnc: string;
  status: 'active' | 'inactive';
}

export async function loadProviderSecrets(app: FastifyInstance, id: string): Promise<ProviderSecrets> {
  const [row] = await app.deps.db.sql<ProviderSecrets[]>`
    select id, api_url as "apiUrl", api_key_enc as "apiKeyEnc", status from api_providers where id = ${id}`;
  if (!row) throw notFound('provider');
  return row;
}

export interface AdminProviderClient {
  client: ProviderClient;
  /** Turns a failed call into the 502 envelope, with the key scrubbed from anything the provider echoed. */
  failure(err: unknown): unknown;
}

/** A client for one admin call: key decrypted in memory only, calls counted in the gateway's metrics. */
export function adminProviderClient(app: FastifyInstance, p: ProviderSecrets): AdminProviderClient {
  assertProviderUrl(p.apiUrl, app.deps.config.allowInsecureProviderUrls);
  let apiKey: string;
  try {
    apiKey = app.deps.secretBox.decrypt(p.apiKeyEnc);
  } catch {
    throw new AppError(
      422,
      ERROR_CODE.businessRule,
      'the provider API key cannot be decrypted with this SECRETS_KEY; set the key again',
    );
  }
  const client = new ProviderClient({
    apiUrl: p.apiUrl,
    apiKey,
    timeouts: ADMIN_TIMEOUTS,
    onCall: app.metrics.providerCall(p.id),
  });
  return {
    client,
    failure(err) {
      if (!isProviderError(err)) return err;
      const e: ProviderError = err;
      const clean = (s: string | undefined) => (s === undefined ? null : redactSecret(s, apiKey));
      return new AppError(502, ERROR_CODE.providerError, clean(e.message) ?? 'provider call failed', {
        kind: e.kind,
        action: e.action,
        httpStatus: e.httpStatus ?? null,
        providerMessage: clean(e.providerMessage),
      });
    },
  };
}
