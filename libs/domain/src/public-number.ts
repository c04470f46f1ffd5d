/**
 * Public numbers: the positive integers customers quote (#23501) and the SMM v2 API speaks for
 * orders, services and refills. The database hands them out (one never-reused sequence per table);
 * they stay within a signed 32-bit column, which is what child panels store a provider's id in.
 */
export const PUBLIC_NUMBER_MAX = 2_147_483_647;

/**
 * A public number from what a client sent: a JSON number or the same digits as a string (clients
 * cast, or don't), optionally space-padded. Anything else — `ord_…`, `12.0`, `-3`, `0`, past the
 * 32-bit bound — is no number of ours: null.
 */
export function parsePublicNumber(raw: unknown): number | null {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const n = Number(text);
  return n <= PUBLIC_NUMBER_MAX ? n : null;
}

/** How a number is shown to people: `#23501`. */
export function formatPublicNumber(n: number): string {
  return `#${n}`;
}
