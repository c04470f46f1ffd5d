/** Removes every occurrence of the secret (a provider that echoes our key must not leak it). */
export function redactSecret(text: string, secret: string): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}

/** A bounded excerpt of a reply for logs and the activity log. */
export function snippet(text: string, max = 500): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
