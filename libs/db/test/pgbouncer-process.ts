import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from '@smm/testkit';

/** The pgbouncer binary (Debian puts it in /usr/sbin, which a non-root PATH may lack), or null. */
export function pgbouncerBinary(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  const found = dirs.filter((dir) => dir.startsWith('/')).map((dir) => join(dir, 'pgbouncer'));
  return found.find((p) => existsSync(p)) ?? null;
}

export interface RunningPgbouncer {
  port: number;
  /** A URL through PgBouncer to the alias `name` (see `databases`). */
  url(name: string): string;
  /** What it printed (its log goes to stderr): for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A PgBouncer of the test's own: a temporary ini on a free loopback port, trust auth for `postgres`
 * (its auth_file lists the user; the server side is Postgres' own trust on 127.0.0.1). `databases`
 * maps an alias to `host=… port=… dbname=… [pool_mode=…]`. PgBouncer refuses to run as root, so as
 * root it is started with `-u postgres` and its directory belongs to that user.
 */
export async function startPgbouncer(
  bin: string,
  databases: Record<string, string>,
  settings: Record<string, string | number> = {},
): Promise<RunningPgbouncer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'smm-pgbouncer-'));
  const ini = join(dir, 'pgbouncer.ini');
  const users = join(dir, 'users.txt');
  writeFileSync(users, '"postgres" ""\n');
  const main: Record<string, string | number> = {
    listen_addr: '127.0.0.1',
    listen_port: port,
    unix_socket_dir: '',
    auth_type: 'trust',
    auth_file: users,
    pool_mode: 'transaction',
    max_client_conn: 200,
    default_pool_size: 4,
    ...settings,
  };
  const lines = [
    '[databases]',
    ...Object.entries(databases).map(([alias, conn]) => `${alias} = ${conn}`),
    '[pgbouncer]',
    ...Object.entries(main).map(([k, v]) => `${k} = ${v}`),
  ];
  writeFileSync(ini, `${lines.join('\n')}\n`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    for (const p of [dir, ini, users]) chownSync(p, uid, gid);
  }
  const child: ChildProcess = spawn(bin, [...(asRoot ? ['-u', 'postgres'] : []), ini], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`pgbouncer did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url: (name) => `postgres://postgres@127.0.0.1:${port}/${name}`,
    output: () => out,
    stop,
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
