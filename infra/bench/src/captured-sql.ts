import { createDb } from '@smm/db';
import type postgres from 'postgres';

/**
 * The benchmarks' pgbench baselines run the production statements themselves, not copies: the
 * production function is called once inside a transaction that is rolled back, postgres.js's `debug`
 * hook records the exact text it sends, and `toPgbench` turns that text into a pgbench script by
 * putting a literal (or a per-transaction pgbench expression) where each `$n` was. A statement changed
 * in production is therefore the statement measured next run, with nothing to keep in step.
 */
export interface CapturedStatement {
  text: string;
  params: readonly unknown[];
}

class Rollback extends Error {}

/** Runs `call` on a one-connection pool in a rolled-back transaction and returns the statement `pick` selects. */
export async function captureStatement(
  databaseUrl: string,
  call: (tx: postgres.TransactionSql) => Promise<unknown>,
  pick: (text: string) => boolean,
): Promise<CapturedStatement> {
  const seen: CapturedStatement[] = [];
  // The production client (createDb), so the statement is bound exactly as the services bind it.
  const { sql, close } = createDb(databaseUrl, {
    max: 1,
    applicationName: 'bench-capture',
    onQuery: (text, params) => seen.push({ text, params: [...params] }),
  });
  try {
    await sql
      .begin(async (tx) => {
        await call(tx);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  } finally {
    await close(2);
  }
  const found = seen.filter((s) => pick(s.text));
  if (found.length !== 1) throw new Error(`captureStatement: ${found.length} statements matched, expected 1`);
  return found[0]!;
}

/**
 * A SQL literal for a parameter value as postgres.js would bind it. pgbench reads `:name` (letters and
 * digits) as a variable even inside quotes, so JSON is spaced (`"a": 1`) and other text with such a
 * colon is spelled as a concatenation around the colon.
 */
export function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return quote(`{${v.map((x) => `"${String(x).replaceAll('"', '\\"')}"`).join(',')}}`);
  if (typeof v !== 'string') return quote(v instanceof Date ? v.toISOString() : JSON.stringify(v, null, 1));
  if (/^[[{]/.test(v)) {
    try {
      return quote(JSON.stringify(JSON.parse(v), null, 1));
    } catch {
      // not JSON: plain text below
    }
  }
  return quote(v);
}

function quote(text: string): string {
  const q = (t: string) => `'${t.replaceAll("'", "''")}'`;
  if (!/:[A-Za-z0-9_]/.test(text)) return q(text);
  return `(${text.split(':').map(q).join(" || ':' || ")})`;
}

/** `value` (a captured parameter) with each captured text in `swap` replaced by an SQL expression. */
export function swapped(value: unknown, swap: Record<string, string>): string {
  let expr = literal(value);
  for (const [from, to] of Object.entries(swap)) expr = `replace(${expr}, ${literal(from)}, ${to})`;
  return expr;
}

/**
 * The captured text with each `$n` replaced: by `replace(value, n)` when it returns an expression
 * (wrapped in parentheses, so a following `::type` cast applies to all of it), else by the literal.
 * pgbench then runs it with `-M prepared` and its own `:variables`.
 */
export function toPgbench(
  s: CapturedStatement,
  replace: (value: unknown, n: number) => string | undefined = () => undefined,
): string {
  const body = s.text.replace(/\$(\d+)/g, (_m, d: string) => {
    const n = Number(d);
    const value = s.params[n - 1];
    const expr = replace(value, n);
    return expr === undefined ? literal(value) : `(${expr})`;
  });
  // pgbench ends a command at a line's semicolon and reads a leading backslash as a meta-command.
  return `${body.trim().replace(/;\s*$/, '')};\n`;
}
