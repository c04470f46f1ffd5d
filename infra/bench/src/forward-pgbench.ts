import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { claimOrders, markForwardedMany } from '@smm/db';
import type postgres from 'postgres';
import { captureStatement, swapped, toPgbench } from './captured-sql.ts';

const run = promisify(execFile);

const CAPTURED_ORDER = 'ordb_captured';

/**
 * The forwarder's two hot statements as a pgbench script (-M prepared), captured from the production
 * functions (libs/db claimOrders and markForwardedMany, one order each): the guarded pending →
 * submitting claim joined with service and provider, then submitting → processing with the activity
 * row in the same statement. Each transaction takes the next seeded order from a sequence, and uses
 * that id as the provider's order id too, so every claim really moves a pending order and every
 * success write passes the one-id-one-order check.
 */
async function forwardScript(databaseUrl: string, providerId: string): Promise<string> {
  const claim = await captureStatement(
    databaseUrl,
    (tx) => claimOrders(tx, [{ orderId: CAPTURED_ORDER, providerId, adminForward: false }]),
    (t) => t.includes("set status = 'submitting'"),
  );
  const success = await captureStatement(
    databaseUrl,
    (tx) =>
      markForwardedMany(tx as unknown as Parameters<typeof markForwardedMany>[0], [
        {
          orderId: CAPTURED_ORDER,
          providerId,
          providerOrderId: CAPTURED_ORDER,
          attempt: 1,
          reply: { order: 1 },
          anomaly: null,
          firstStatusCheckMs: 30_000,
        },
      ]),
    (t) => t.includes("set status = 'processing'"),
  );
  const activityId = (JSON.parse(success.params.find(isJsonArray) as string) as { activity_id: string }[])[0]!
    .activity_id;
  return [
    "select 'ordb_' || nextval('bench_forward_seq') as oid \\gset",
    toPgbench(claim, (v) => (isJsonArray(v) ? swapped(v, { [CAPTURED_ORDER]: ':oid' }) : undefined)),
    toPgbench(success, (v) =>
      isJsonArray(v) ? swapped(v, { [activityId]: "'act_' || :oid", [CAPTURED_ORDER]: ':oid' }) : undefined,
    ),
  ].join('\n');
}

function isJsonArray(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('[{');
}

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
  writeFileSync(file, await forwardScript(i.databaseUrl, i.providerId));
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
