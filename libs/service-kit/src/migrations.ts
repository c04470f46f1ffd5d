import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DbClient, MIGRATIONS_FOLDER } from '@smm/db';

interface Journal {
  entries: Array<{ tag: string; when: number }>;
}

/**
 * The committed migrations (libs/db/drizzle) this database has not had yet, oldest first — by the
 * rule drizzle's migrator applies them: every journal entry newer than the last one recorded in
 * drizzle.__drizzle_migrations. A database never migrated has them all pending.
 */
export async function pendingMigrations(sql: DbClient['sql'], folder = MIGRATIONS_FOLDER): Promise<string[]> {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  let last = Number.NEGATIVE_INFINITY;
  try {
    const [row] = await sql<{ last: string | null }[]>`
      select max(created_at)::text as last from drizzle.__drizzle_migrations`;
    if (row?.last != null) last = Number(row.last);
  } catch (err) {
    // 42P01 undefined_table, 3F000 invalid_schema_name: never migrated.
    const code = (err as { code?: string }).code;
    if (code !== '42P01' && code !== '3F000') throw err;
  }
  return journal.entries.filter((e) => e.when > last).map((e) => e.tag);
}
