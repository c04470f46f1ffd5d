import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type postgres from 'postgres';

const run = promisify(execFile);

/**
 * The forwarder's two hot statements as a pgbench script (-M prepared), mirroring
 * services/forwarder/src/jobs/claim-order.ts (claimOrder) and jobs/outcomes.ts (markForwarded): the guarded
 * pending → submitting claim joined with service and provider, then submitting → processing with the
 * activity row in the same statement. Each transaction takes the next seeded order from a sequence,
 * so every claim really moves a pending order (no cheap no-op updates).
 */
const SCRIPT = `
with s as (select 'ordb_' || nextval('bench_forward_seq') as id),
t as (
  select o.id, o.status, o.provider_order_id, o.forward_round, o.link, o.quantity, o.runs, o."interval",
         o.comments, sv.provider_service_id, sv.type as service_type, sv.mode,
         p.id as provider_id, p.api_url, p.api_key_enc, p.status as provider_status
  from orders o
  join s on s.id = o.id
  join services sv on sv.id = o.service_id
  left join api_providers p on p.id = :prv::text
),
m as (
  update orders o
  set status = 'submitting', submit_attempts = o.submit_attempts + 1, submitted_at = now(),
      updated_at = now(), provider_id = t.provider_id
  from t
  where o.id = t.id and o.status = 'pending'
    and t.provider_status = 'active' and t.provider_service_id is not null
    and (t.mode = 'auto' or true) and (true or t.api_url like 'https://%')
  returning o.id
)
select t.id as oid, exists (select 1 from m) as claimed from t \\gset
with o as (
  update orders
  set status = 'processing', provider_order_id = :oid::text, last_error = null,
      next_status_check = now() + 30000 * interval '1 millisecond', updated_at = now()
  where id = :oid::text and status in ('submitting', 'needs_review')
  returning id, user_id, status
),
a as (
  insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
  select 'act_' || :oid::text, o.id, :prv::text, :oid::text, o.user_id, 'order.forwarded', 'sent to the provider',
         '{"order": 1}'::jsonb
  from o
),
f as (
  update api_providers set flagged_at = null, flag_reason = null, updated_at = now()
  where id = :prv::text and flagged_at is not null and exists (select 1 from o)
)
select status from o;
`;

export function findPgbench(): string {
  for (const p of [
    '/usr/lib/postgresql/15/bin/pgbench',
    '/usr/lib/postgresql/16/bin/pgbench',
    '/usr/bin/pgbench',
  ]) {
    if (existsSync(p)) return p;
  }
  return 'pgbench';
}

export interface PgbenchInput {
  sql: postgres.Sql;
  databaseUrl: string;
  userId: string;
  serviceId: string;
  categoryId: string;
  providerId: string;
  orders: number;
  clients: number;
  seconds: number;
}

export interface PgbenchResult {
  tps: number;
  transactions: number;
  /** Transactions that found a seeded order (must equal `transactions`). */
  claimed: number;
}

/** Seeds pending orders ordb_1..ordb_N, runs the script, and checks every transaction moved an order. */
export async function pgbenchForwardSql(i: PgbenchInput): Promise<PgbenchResult> {
  await i.sql`drop sequence if exists bench_forward_seq`;
  await i.sql`create sequence bench_forward_seq`;
  await i.sql`
    insert into orders (id, user_id, service_id, category_id, provider_id, link, quantity, service_type, units,
                        price, currency, bdt_price, usd_price)
    select 'ordb_' || n, ${i.userId}, ${i.serviceId}, ${i.categoryId}, ${i.providerId},
           'https://instagram.com/pgbench-' || n, 100, 'Default', 100, 2.5, 'BDT', 2.5, 0.02
    from generate_series(1, ${i.orders}) n`;
  await i.sql`vacuum analyze orders`;

  const dir = mkdtempSync(join(tmpdir(), 'bench-forward-'));
  const file = join(dir, 'forward.pgbench.sql');
  writeFileSync(file, SCRIPT);
  const url = new URL(i.databaseUrl);
  try {
    const { stdout } = await run(
      findPgbench(),
      [
        '-n',
        '-M',
        'prepared',
        '-c',
        String(i.clients),
        '-j',
        '2',
        '-T',
        String(i.seconds),
        '-D',
        `prv=${i.providerId}`,
        '-f',
        file,
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        decodeURIComponent(url.username || 'postgres'),
        decodeURIComponent(url.pathname.slice(1)),
      ],
      {
        env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
        timeout: (i.seconds + 30) * 1000,
      },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? Number.NaN);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? 0);
    const [row] = await i.sql<{ n: number }[]>`
      select count(*)::int as n from orders where id like 'ordb\\_%' and status = 'processing'`;
    return { tps, transactions, claimed: row?.n ?? 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
