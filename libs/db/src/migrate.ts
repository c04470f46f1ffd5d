import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

// Found through the package, not this file's place: a service bundle (dist/main.mjs) holds this
// module too, and the migrations stay in libs/db.
export const MIGRATIONS_FOLDER = join(
  dirname(createRequire(import.meta.url).resolve('@smm/db/package.json')),
  'drizzle',
);

/** Creates the database named in the URL when it does not exist (needs access to `postgres`). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length > 0) return false;
    try {
      await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
    } catch (e) {
      // Another process created it at the same moment.
      if ((e as { code?: string }).code !== '42P04') throw e;
    }
    return true;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

export interface MigrateOptions {
  /**
   * Where public numbers start (PUBLIC_NUMBER_START). Numbers only ever move forward: a sequence
   * already past it, or a table already numbered past it, keeps going from where it is.
   */
  publicNumberStart?: number;
}

/** The public-number sequences and the tables they number. */
const NUMBER_SEQUENCES = [
  ['orders_number_seq', 'orders'],
  ['services_number_seq', 'services'],
  ['refills_number_seq', 'refills'],
] as const;

export const MAX_PUBLIC_NUMBER = 2_147_483_647;

/** Applies committed migrations. Safe to run from several processes: drizzle serializes on its table. */
export async function runMigrations(url: string, opts: MigrateOptions = {}): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    // Two processes migrating at once would race on CREATE TABLE; a session lock makes it one at a time.
    await sql`select pg_advisory_lock(72100001)`;
    await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_FOLDER });
    if (opts.publicNumberStart !== undefined) await movePublicNumbers(sql, opts.publicNumberStart);
    await sql`select pg_advisory_unlock(72100001)`;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** Moves each public-number sequence forward to `start` when it is behind it; never backward. */
async function movePublicNumbers(sql: postgres.Sql, start: number): Promise<void> {
  if (!Number.isInteger(start) || start < 1 || start > MAX_PUBLIC_NUMBER)
    throw new RangeError(`PUBLIC_NUMBER_START must be a whole number from 1 to ${MAX_PUBLIC_NUMBER}`);
  for (const [seq, table] of NUMBER_SEQUENCES) {
    await sql.unsafe(
      `select setval('${seq}', greatest($1::bigint,
                (select case when is_called then last_value + 1 else last_value end from ${seq}),
                (select coalesce(max(number) + 1, 1) from ${table})), false)`,
      [start],
    );
  }
}
