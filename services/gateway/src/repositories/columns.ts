import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Keyset pagination over (created_at, id): stable under inserts, and the timestamp compares losslessly. */
export interface Cursor {
  createdAt: string;
  id: string;
}

/**
 * A timestamp as exact UTC text with microseconds: what the API shows and what keyset cursors
 * compare back losslessly (a JS Date would drop the microseconds).
 */
export function isoText(column: AnyColumn | SQL): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The same, for a column that may be null. */
export function isoTextOrNull(column: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Keyset page condition, newest first: rows strictly before the cursor on (created_at, id). */
export function beforeCursor(
  createdAt: AnyColumn,
  id: AnyColumn,
  c: Cursor | null | undefined,
): SQL | undefined {
  return c ? sql`(${createdAt}, ${id}) < (${c.createdAt}::timestamptz, ${c.id})` : undefined;
}

/** A substring for LIKE/ILIKE with the pattern characters taken literally. */
export function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** True when a Postgres error is a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === '23505';
}
