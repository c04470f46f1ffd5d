import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, runMigrations } from '@smm/db';
import postgres from 'postgres';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The template's name changes whenever a migration does, so a stale template is never used. */
export function templateName(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    h.update(f).update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  }
  return `smm_tpl_${h.digest('hex').slice(0, 12)}`;
}

/**
 * Creates (once, under an advisory lock shared by every test run on this server) a migrated
 * database that each test file clones with CREATE DATABASE … TEMPLATE.
 */
export async function ensureTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(72100002)`;
    const exists = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists.length === 0) {
      const building = `${name}_build`;
      await admin.unsafe(`drop database if exists ${building} with (force)`);
      await admin.unsafe(`create database ${building}`);
      await runMigrations(withDatabase(serverUrl, building));
      await admin.unsafe(`alter database ${building} rename to ${name}`);
      await admin.unsafe(`comment on database ${name} is '${Date.now()}'`);
      // Old templates from earlier migrations are dead weight — but another checkout (a branch, a CI
      // run) may be testing against its own template on this server right now: only drop a day-old one.
      const old = await admin<{ datname: string; made: string | null }[]>`
        select datname, shobj_description(oid, 'pg_database') as made
        from pg_database where datname like 'smm_tpl_%' and datname <> ${name}`;
      for (const o of old) {
        const made = Number(o.made);
        if (Number.isFinite(made) && made > Date.now() - 24 * 3600_000) continue;
        await admin.unsafe(`drop database if exists ${o.datname} with (force)`).catch(() => {});
      }
    }
    await admin`select pg_advisory_unlock(72100002)`;
    return name;
  } finally {
    await admin.end({ timeout: 2 });
  }
}
