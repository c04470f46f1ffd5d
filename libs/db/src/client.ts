import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PostgresJsDatabase<Schema>;
/** A transaction handle: repositories accept either the root db or a transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DbClient {
  db: Db;
  /** The raw postgres.js client, for hand-written SQL on hot paths. */
  sql: postgres.Sql;
  close(timeoutSeconds?: number): Promise<void>;
}

export interface CreateDbOptions {
  max?: number;
  /** Seconds to wait for a connection before failing (an outage must fail fast, not hang). */
  connectTimeout?: number;
  applicationName?: string;
  /**
   * Named prepared statements (postgres.js' default, true). `false` behind PgBouncer in transaction
   * mode (DATABASE_PREPARE=false): a server connection is lent per transaction there, so a statement
   * prepared on one connection is missing on the next ("prepared statement … does not exist").
   */
  prepare?: boolean;
  /** Sees every statement's text and parameters as sent (the benchmarks capture production SQL with it). */
  onQuery?: (text: string, params: readonly unknown[]) => void;
}

export function createDb(url: string, opts: CreateDbOptions = {}): DbClient {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    connect_timeout: opts.connectTimeout ?? 5,
    idle_timeout: 30,
    prepare: opts.prepare ?? true,
    onnotice: () => {},
    // numeric and bigint columns stay strings in raw SQL; drizzle maps its own columns.
    connection: { application_name: opts.applicationName ?? 'smm' },
    ...(opts.onQuery
      ? { debug: (_conn: number, text: string, params: unknown[]) => opts.onQuery?.(text, params) }
      : {}),
  });
  const db = drizzle(sql, { schema });
  return {
    db,
    sql,
    close: (timeoutSeconds = 5) => sql.end({ timeout: timeoutSeconds }),
  };
}
