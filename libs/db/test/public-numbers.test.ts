import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@smm/domain';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase, MIGRATIONS_FOLDER, runMigrations } from '../src/migrate.ts';
import { insertCatalog, insertUser } from './fixtures.ts';

// A panel that existed before public numbers: migrated up to the migration before them, with orders,
// then upgraded. Its own database, not the template, so the upgrade itself is what runs.
const server = new URL(inject('pgServerUrl'));
const name = `smm_t_numbers_${randomBytes(4).toString('hex')}`;
server.pathname = `/${name}`;
const url = server.toString();
await ensureDatabase(url);
const sql = postgres(url, { max: 2, onnotice: () => {} });
afterAll(async () => {
  await sql.end({ timeout: 2 });
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const a = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await a.unsafe(`drop database if exists ${name} with (force)`);
  await a.end({ timeout: 2 });
});

/** The committed migrations without the public-number one and after it. */
function migrationsBeforeNumbers(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'migrations-')), 'drizzle');
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith('_public_numbers'));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

async function placeOrder(userId: string, c: { categoryId: string; serviceId: string }, at: string) {
  const id = newId('order');
  await sql`insert into orders (id, user_id, service_id, category_id, link, quantity, service_type, units, price,
                                currency, bdt_price, usd_price, created_at)
            values (${id}, ${userId}, ${c.serviceId}, ${c.categoryId}, 'https://instagram.com/n', 100, 'Default', 100,
                    1, 'BDT', 1, 0.01, ${at}::timestamptz)`;
  return id;
}

describe('public numbers', () => {
  it('an upgraded panel numbers its existing orders in the order they were placed, from 1000', async () => {
    await migrate(drizzle(sql), { migrationsFolder: migrationsBeforeNumbers() });
    const u = await insertUser(sql, '0');
    const c = await insertCatalog(sql);
    const late = await placeOrder(u, c, '2026-03-01T00:00:00Z');
    const early = await placeOrder(u, c, '2026-01-01T00:00:00Z');
    const middle = await placeOrder(u, c, '2026-02-01T00:00:00Z');

    await runMigrations(url);
    const rows = await sql<
      { id: string; number: number }[]
    >`select id, number::int from orders order by number`;
    expect(rows).toEqual([
      { id: early, number: 1000 },
      { id: middle, number: 1001 },
      { id: late, number: 1002 },
    ]);
    const [svc] = await sql<{ number: number }[]>`select number::int from services where id = ${c.serviceId}`;
    expect(svc!.number).toBe(1000);
    // A new order takes the next number.
    const next = await placeOrder(u, c, '2026-04-01T00:00:00Z');
    const [n] = await sql<{ number: number }[]>`select number::int from orders where id = ${next}`;
    expect(n!.number).toBe(1003);
  });

  it('PUBLIC_NUMBER_START moves numbers forward, never back, and they stay within a signed 32-bit column', async () => {
    await runMigrations(url, { publicNumberStart: 50_000 });
    const [u] = await sql<{ id: string }[]>`select id from users limit 1`;
    const [c] = await sql<{ categoryId: string; serviceId: string }[]>`
      select category_id as "categoryId", id as "serviceId" from services limit 1`;
    const a = await placeOrder(u!.id, c!, '2026-05-01T00:00:00Z');
    await runMigrations(url, { publicNumberStart: 10 });
    const b = await placeOrder(u!.id, c!, '2026-05-02T00:00:00Z');
    const rows = await sql<{ id: string; number: number }[]>`
      select id, number::int from orders where id in (${a}, ${b}) order by number`;
    expect(rows).toEqual([
      { id: a, number: 50_000 },
      { id: b, number: 50_001 },
    ]);
    await expect(runMigrations(url, { publicNumberStart: 2_147_483_648 })).rejects.toThrow(
      /PUBLIC_NUMBER_START/,
    );
    const seqs = await sql<{ name: string; max: string; cycle: boolean }[]>`
      select sequencename as name, max_value::text as max, cycle from pg_sequences
      where sequencename like '%_number_seq' order by 1`;
    expect(seqs).toEqual([
      { name: 'orders_number_seq', max: '2147483647', cycle: false },
      { name: 'refills_number_seq', max: '2147483647', cycle: false },
      { name: 'services_number_seq', max: '2147483647', cycle: false },
    ]);
  });

  it('a number is never given twice: the column is unique and an admin cannot reuse one', async () => {
    const [o] = await sql<{ id: string; number: number }[]>`select id, number::int from orders limit 1`;
    const [other] = await sql<{ id: string }[]>`select id from orders where id <> ${o!.id} limit 1`;
    await expect(sql`update orders set number = ${o!.number} where id = ${other!.id}`).rejects.toThrow(
      /orders_number_unique/,
    );
  });
});
