import { AppError, ERROR_CODE } from '../errors.ts';

/** Keyset pagination over (created_at, id): stable under inserts, and the timestamp compares losslessly. */
export interface Cursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      !Number.isNaN(Date.parse(v[0]))
    ) {
      return { createdAt: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw new AppError(400, ERROR_CODE.validation, 'invalid cursor', [
    { field: 'querystring.cursor', message: 'not a cursor from this API' },
  ]);
}

/** Timestamps leave as exact UTC text with microseconds (what the cursor compares back). */
export function iso(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A substring for LIKE/ILIKE with the pattern characters taken literally. */
export function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
