import type { ProviderError } from '@smm/provider-client';

/** What the activity log keeps of a failed call: the classification and the provider's (scrubbed) words. */
export function errorRecord(e: ProviderError): Record<string, unknown> {
  return {
    kind: e.kind,
    fault: e.fault ?? null,
    message: e.message,
    providerMessage: e.providerMessage ?? null,
    httpStatus: e.httpStatus ?? null,
    code: e.code ?? null,
    reply: e.replySnippet ?? null,
  };
}
