/** A whole number typed into a field, or null (never a float: quantities feed exact money). */
export function parseWhole(raw: string): number | null {
  return /^\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}
