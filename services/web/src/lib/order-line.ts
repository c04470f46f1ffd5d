/**
 * The per-type parts of an order line, as the gateway's intake reads them: Custom Comments take one
 * comment per non-empty line (the quantity is their count); drip-feed sends `qty` per run.
 */
export function isCustomComments(type: string): boolean {
  return type.trim().toLowerCase().startsWith('custom comments');
}

/** The comments the server will count: trimmed, blank lines dropped. */
export function commentLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A whole number typed into a field, or null (never a float: quantities feed exact money). */
export function parseWhole(raw: string): number | null {
  return /^\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}
