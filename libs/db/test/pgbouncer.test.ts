import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dec, newId, roundMoney } from '@smm/domain';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  cancelOrder,
  chargeAndCreateOrders,
  claimOrders,
  createDb,
  type DbClient,
  ensureDatabase,
  ledgerBalance,
  markForwardedMany,
  runMigrations,
} from '../src/index.ts';
import { insertCatalog, insertUser } from './fixtures.ts';
import { pgbouncerBinary, type RunningPgbouncer, startPgbouncer } from './pgbouncer-process.ts';

// The system behind PgBouncer in transaction mode (README "Scaling"): a server connection is lent
// per transaction, so postgres.js must not use named prepared statements (DATABASE_PREPARE=false).
// Runs only where the `pgbouncer` binary is installed (.ci/run installs it).
const bin = pgbouncerBinary();

/** Major.minor as a number (1.18 → 1.18); 1.21 added protocol-level prepared statements. */
function version(path: string): number {
  const m = /PgBouncer (\d+)\.(\d+)/.exec(execFileSync(path, ['--version']).toString());
  return m ? Number(m[1]) + Number(m[2]) / 100 : 0;
}

describe.skipIf(!bin)('through PgBouncer in transaction mode, prepare off', () => {
  const server = new URL(inject('pgServerUrl'));
  const name = `smm_t_${inject('runId')}_pgb_${randomBytes(4).toString('hex')}`;
  const direct = new URL(server);
  direct.pathname = `/${name}`;
  const target = `host=${server.hostname} port=${server.port || 5432} dbname=${name}`;
  let bouncer: RunningPgbouncer;
  let db: DbClient;

  beforeAll(async () => {
    // A fresh, empty database: the migrations below really run, through PgBouncer.
    await ensureDatabase(direct.toString());
    bouncer = await startPgbouncer(
      bin as string,
      // The migrate step takes a session advisory lock, which means nothing once a transaction-mode
      // pool hands each statement another server connection: it goes through a session-mode alias.
      { app: `${target} pool_mode=transaction`, migrate: `${target} pool_mode=session` },
      // Newer PgBouncers can track prepared statements themselves; off, so this pool is the
      // plain transaction mode the option exists for.
      version(bin as string) >= 1.21 ? { max_prepared_statements: 0 } : {},
    );
    await runMigrations(bouncer.url('migrate'));
    db = createDb(bouncer.url('app'), { max: 12, prepare: false, applicationName: 'pgbouncer-test' });
  });

  afterAll(async () => {
    await db?.close(2);
    await bouncer?.stop();
    const admin = new URL(server);
    admin.pathname = '/postgres';
    const a = postgres(admin.toString(), { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${name} with (force)`).finally(() => a.end({ timeout: 2 }));
  });

  it('ran every migration through it', async () => {
    const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(row!.n).toBeGreaterThanOrEqual(11);
  });

  it('charges 200 orders from 12 connections on 4 server connections, books balanced', async () => {
    const catalog = await insertCatalog(db.sql);
    const userId = await insertUser(db.sql, '1000');
    const charge = () =>
      chargeAndCreateOrders(db.sql, {
        userId,
        currency: 'BDT',
        total: roundMoney(dec('2.5')),
        lines: [
          {
            orderId: newId('order'),
            ...catalog,
            link: 'https://instagram.com/pgbouncer',
            quantity: 100,
            price: '2.500000',
            bdtPrice: '2.500000',
            usdPrice: '0.020000',
          },
        ],
        actorId: userId,
      });
    // The same parameterised statement many times over, more clients than server connections.
    const results = await Promise.all(Array.from({ length: 200 }, charge));
    expect(results.every((r) => r !== null)).toBe(true);
    const books = await ledgerBalance(db.sql, userId);
    expect(books.balance).toBe('500.000000');
    expect(books.ledgerSum).toBe(books.balance);

    // The forwarder's claim and success writes (each its own statement, batched), many times.
    const ids = await db.sql<{ id: string }[]>`
      select id from orders where user_id = ${userId} order by id limit 100`;
    const claims = await Promise.all(
      ids.map((o) =>
        claimOrders(db.sql, [{ orderId: o.id, providerId: catalog.providerId, adminForward: false }]),
      ),
    );
    expect(claims.every(([c]) => c?.claimed)).toBe(true);
    const written = await Promise.all(
      ids.map((o, i) =>
        markForwardedMany(db.sql, [
          {
            orderId: o.id,
            providerId: catalog.providerId,
            providerOrderId: String(90_000 + i),
            attempt: claims[i]![0]!.attempt,
            reply: { order: 90_000 + i },
            anomaly: null,
            firstStatusCheckMs: 30_000,
          },
        ]),
      ),
    );
    expect(written.every(([w]) => w === 'processing')).toBe(true);

    // A transaction of several statements (lock, status, refund, ledger, activity): admin cancel.
    const pending = await db.sql<{ id: string }[]>`
      select id from orders where user_id = ${userId} and status = 'pending' order by id limit 20`;
    const cancels = await Promise.all(
      pending.map((o) => cancelOrder(db.sql, o.id, userId, 'pgbouncer test')),
    );
    expect(cancels.every((c) => c.refunded === '2.500000')).toBe(true);
    const after = await ledgerBalance(db.sql, userId);
    expect(after.balance).toBe('550.000000');
    expect(after.ledgerSum).toBe(after.balance);
  });

  it('with prepared statements on, the same load breaks: why DATABASE_PREPARE=false exists', async () => {
    const prepared = createDb(bouncer.url('app'), { max: 12, applicationName: 'pgbouncer-prepared' });
    try {
      // A statement prepared on one server connection is run on another: errors, or (as postgres.js
      // pipelines Parse and Bind) replies that never come. Either way not every query completes.
      const runs = Promise.allSettled(
        Array.from({ length: 200 }, (_, i) => prepared.sql`select ${i}::int as n, ${String(i)}::text as s`),
      );
      const outcome = await Promise.race([
        runs,
        new Promise<'stalled'>((r) => setTimeout(r, 5_000, 'stalled')),
      ]);
      const broken = outcome === 'stalled' || outcome.some((r) => r.status === 'rejected');
      expect(broken).toBe(true);
    } finally {
      await prepared.close(0);
    }
  });
});
