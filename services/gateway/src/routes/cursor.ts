import { isId } from '@smm/domain';
import { AppError, ERROR_CODE } from '../errors.ts';
import type { Cursor } from '../repositories/columns.ts';

export type { Cursor };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

/** Exactly what `isoText` writes: a cursor is only ever one this API made. */
const ISO_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function decodeCursor(raw: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      ISO_TEXT.test(v[0]) &&
      !Number.isNaN(Date.parse(v[0])) &&
      isId(v[1])
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

/**
 * One page from `limit + 1` rows fetched newest first: the rows to show and the cursor of the next
 * page (null on the last one).
 */
export function keysetPage<T extends Cursor>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
