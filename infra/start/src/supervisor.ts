import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ProcessSpec {
  name: string;
  script: string;
  env: Record<string, string>;
  healthUrl: string;
  color: number;
  /** Workers are restarted when they die (as a container's restart policy would); others stop the panel. */
  restart: boolean;
}

export interface Running {
  spec: ProcessSpec;
  child: ChildProcess;
  exited: Promise<number | null>;
}

function write(spec: ProcessSpec, line: string) {
  const label = process.stdout.isTTY
    ? `\x1b[${spec.color}m${spec.name.padEnd(16)}\x1b[0m│ `
    : `[${spec.name}] `;
  process.stdout.write(`${label}${line}\n`);
}

/** Runs one service as its own process, every output line prefixed with its name. */
export function startProcess(spec: ProcessSpec, cwd: string): Running {
  const child = spawn(process.execPath, [spec.script], {
    cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches only the supervisor, which then stops services in order.
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => write(spec, line));
  }
  write(spec, `started (pid ${child.pid})`);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { spec, child, exited };
}

export async function waitHealthy(r: Running, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void r.exited.then(() => {
    dead = true;
  });
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${r.spec.name} exited during start`);
    try {
      const res = await fetch(r.spec.healthUrl, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${r.spec.name} did not become healthy within ${timeoutMs / 1000} s`);
}

export async function stopOne(r: Running, deadlineMs = 15_000): Promise<void> {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return;
  r.child.kill('SIGTERM');
  const timer = setTimeout(() => r.child.kill('SIGKILL'), deadlineMs);
  await r.exited;
  clearTimeout(timer);
}
