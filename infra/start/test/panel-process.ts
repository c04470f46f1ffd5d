import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Panel {
  child: ChildProcess;
  output: () => string;
  /** The current pid of a supervised service, from the supervisor's "started (pid N)" lines. */
  pid(name: string): number | undefined;
  waitFor(text: string | RegExp, timeoutMs?: number, from?: number): Promise<void>;
  stop(): Promise<number | null>;
}

/** Runs `npm start`'s entry point exactly as a user would, with the given environment. */
export function startPanel(env: Record<string, string>): Panel {
  const state = join(mkdtempSync(join(tmpdir(), 'smm-e2e-')), 'dev.json');
  const child = spawn(process.execPath, [join(root, 'infra/start/src/main.ts')], {
    cwd: root,
    env: { ...process.env, SMM_DEV_STATE: state, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    pid(name) {
      const re = new RegExp(`\\[${name}\\] started \\(pid (\\d+)\\)`, 'g');
      const all = [...out.matchAll(re)];
      const last = all.at(-1);
      return last ? Number(last[1]) : undefined;
    },
    async waitFor(text, timeoutMs = 60_000, from = 0) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const tail = out.slice(from);
        if (typeof text === 'string' ? tail.includes(text) : text.test(tail)) return;
        if (child.exitCode !== null) throw new Error(`panel exited early:\n${out.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${text}:\n${out.slice(-3000)}`);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
