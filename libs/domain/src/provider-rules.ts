/**
 * "Is this provider usable": the one rule. An order, a refill or a cancel goes to a provider only
 * when it is active and its URL is https — http only where ALLOW_INSECURE_PROVIDER_URLS allows it
 * (development, the sandbox). The claims in the orders module re-check `status = 'active'` under
 * the row lock; the URL cannot change without an admin's edit, which this same rule checks.
 */
export type ProviderProblem = { kind: 'inactive'; reason: string } | { kind: 'url'; reason: string };

export function providerUrlProblem(apiUrl: string, allowInsecure: boolean): ProviderProblem | null {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return { kind: 'url', reason: 'the provider API URL is not a URL' };
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowInsecure) return null;
  return {
    kind: 'url',
    reason: allowInsecure
      ? 'the provider API URL must be an http(s) URL'
      : 'the provider URL is not https (ALLOW_INSECURE_PROVIDER_URLS is off)',
  };
}

export function providerProblem(
  p: { providerStatus: string | null; apiUrl: string | null },
  allowInsecure: boolean,
): ProviderProblem | null {
  if (p.providerStatus !== 'active') return { kind: 'inactive', reason: 'the provider is inactive' };
  return providerUrlProblem(p.apiUrl ?? '', allowInsecure);
}
