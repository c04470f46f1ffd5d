import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { literal, toPgbench } from '../src/captured-sql.ts';
import { chargeScript } from '../src/charge-pgbench.ts';
import { findPgbench, pgbenchForwardSql } from '../src/forward-pgbench.ts';

// The baselines are only worth printing if pgbench runs the production statements and each of its
// transactions does the real work: these run the captured scripts for a fixed number of transactions
// and check the rows they leave.
const db = await useTestDatabase();
const run = promisify(execFile);

async function catalog() {
  const c = { categoryId: newId('category'), serviceId: newId('service'), providerId: newId('provider') };
  await db.sql`insert into api_providers (id, name, api_url, api_key_enc) values (${c.providerId}, 'bench', 'https://p.example', 'x')`;
  await db.sql`insert into categories (id, name) values (${c.categoryId}, 'Bench')`;
  await db.sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd, min_order, max_order, mode)
               values (${c.serviceId}, 'Bench', ${c.categoryId}, ${c.providerId}, '1', '100', '0.9', 10, 100000, 'auto')`;
  return c;
}

describe('pgbench scripts captured from production statements', () => {
  it('spells parameters so pgbench reads no variable inside them, and Postgres reads the same value', async () => {
    const values = ['{"ord":0,"at":"10:11:53"}', "it's", 'https://x.example/a', ['pending', 'needs_review']];
    for (const v of values) {
      const lit = literal(v);
      expect(lit).not.toMatch(/:[A-Za-z0-9_]/);
      const cast = Array.isArray(v) ? '::text[]::text' : '::text';
      const [row] = await db.sql.unsafe<{ v: string }[]>(`select (${lit})${cast} as v`);
      if (Array.isArray(v)) expect(row!.v).toBe('{pending,needs_review}');
      else if (v.startsWith('{')) expect(JSON.parse(row!.v)).toEqual(JSON.parse(v));
      else expect(row!.v).toBe(v);
    }
    expect(
      toPgbench({ text: 'select $1::int + $2', params: [1, 'x'] }, (_v, n) => (n === 2 ? ':u' : undefined)),
    ).toBe('select 1::int + (:u);\n');
  });

  it('the charge script debits a seeded user and writes order, ledger and activity rows per transaction', async () => {
    const c = await catalog();
    await db.sql`insert into users (id, email, name, password_hash, balance)
                 select 'usr_' || lpad(n::text, 26, '0'), 'b' || n || '@example.com', 'B', 'x', 1000 from generate_series(1, 3) n`;
    const dir = mkdtempSync(join(tmpdir(), 'pgbench-test-'));
    writeFileSync(join(dir, 'charge.sql'), await chargeScript(db.url, c));
    const u = new URL(db.url);
    await run(findPgbench(), [
      '-n',
      '-M',
      'prepared',
      '-c',
      '1',
      '-t',
      '30',
      '-D',
      'users=3',
      '-f',
      join(dir, 'charge.sql'),
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      'postgres',
      u.pathname.slice(1),
    ]);
    const [r] = await db.sql<
      { orders: number; ledger: number; activity: number; spent: string; drift: number }[]
    >`
      select (select count(*)::int from orders where link = 'https://instagram.com/pgbench') as orders,
             (select count(*)::int from ledger where kind = 'charge') as ledger,
             (select count(*)::int from activity_log where action = 'order.created') as activity,
             (select (3000 - sum(balance))::text from users) as spent,
             (select count(*)::int from users u where balance <> 1000 + (select coalesce(sum(amount), 0) from ledger l where l.user_id = u.id)) as drift`;
    expect(r).toEqual({ orders: 30, ledger: 30, activity: 30, spent: '300.000000', drift: 0 });
  });

  it('the forward script moves every transaction’s order pending → processing with its activity row', async () => {
    const c = await catalog();
    const [user] = await db.sql<{ id: string }[]>`
      insert into users (id, email, name, password_hash) values (${newId('user')}, 'f@example.com', 'F', 'x') returning id`;
    const res = await pgbenchForwardSql({
      sql: db.sql,
      databaseUrl: db.url,
      userId: user!.id,
      ...c,
      orders: 2000,
      clients: 2,
      seconds: 1,
    });
    expect(res.transactions).toBeGreaterThan(0);
    expect(res.claimed).toBe(res.transactions);
    const [a] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from activity_log where action = 'order.forwarded' and order_id like 'ordb\\_%'`;
    expect(a!.n).toBe(res.transactions);
  });
});
