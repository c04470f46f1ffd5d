import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type ServiceProcess, serviceNodeFlags } from '@smm/config';

export interface ProcessSpec {
  name: ServiceProcess;
  script: string;
  env: Record<string, string>;
  healthUrl: string;
  color: number;
}

export interface Running {
  spec: ProcessSpec;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export function write(spec: Pick<ProcessSpec, 'name' | 'color'>, line: string) {
  const label = process.stdout.isTTY
    ? `\x1b[${spec.color}m${spec.name.padEnd(16)}\x1b[0m│ `
    : `[${spec.name}] `;
  process.stdout.write(`${label}${line}\n`);
}

/** Runs one service as its own process, every output line prefixed with its name. */
export function startProcess(spec: ProcessSpec, cwd: string): Running {
  const child = spawn(process.execPath, [...serviceNodeFlags(spec.name), spec.script], {
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

export interface RestartPolicy {
  /** First restart delay; doubles with each failure in a row, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A process that ran this long without dying counts as having recovered: its backoff starts over. */
  stableAfterMs: number;
  /** Before a service was ever healthy, this many exits in a row mean it cannot start (bad config): give up. */
  maxStartFailures: number;
}

export const DEFAULT_RESTART: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxStartFailures: 3,
};

/**
 * One service kept running, as a container's restart policy would: when it dies it is restarted
 * after its own backoff (1 s, 2 s, 4 s … capped), which starts over once it has run stably. One
 * service failing never stops the others; only a service that never came up at all gives up (so a
 * bad configuration is reported instead of looping).
 */
export class Supervised {
  readonly spec: ProcessSpec;
  readonly #cwd: string;
  readonly #policy: RestartPolicy;
  current: Running;
  #failures = 0;
  #startedAt = Date.now();
  #healthyOnce = false;
  #stopping = false;
  #timer: NodeJS.Timeout | undefined;
  #gaveUp: string | null = null;

  constructor(spec: ProcessSpec, cwd: string, policy: RestartPolicy = DEFAULT_RESTART) {
    this.spec = spec;
    this.#cwd = cwd;
    this.#policy = policy;
    this.current = this.#launch();
  }

  get gaveUp(): string | null {
    return this.#gaveUp;
  }

  #launch(): Running {
    this.#startedAt = Date.now();
    const r = startProcess(this.spec, this.#cwd);
    void r.exited.then((code) => this.#onExit(code));
    return r;
  }

  #onExit(code: number | null): void {
    if (this.#stopping) return;
    const ranMs = Date.now() - this.#startedAt;
    this.#failures = ranMs >= this.#policy.stableAfterMs ? 1 : this.#failures + 1;
    if (!this.#healthyOnce && this.#failures >= this.#policy.maxStartFailures) {
      this.#gaveUp = `${this.spec.name} exited ${this.#failures} times before ever becoming healthy (last code ${code})`;
      write(this.spec, `${this.#gaveUp}; not restarting it`);
      return;
    }
    const delay = Math.min(this.#policy.maxDelayMs, this.#policy.firstDelayMs * 2 ** (this.#failures - 1));
    write(
      this.spec,
      `exited (code ${code}); restarting in ${delay / 1000} s (failure ${this.#failures} in a row)`,
    );
    this.#timer = setTimeout(() => {
      if (!this.#stopping) this.current = this.#launch();
    }, delay);
  }

  /** Resolves once the service answers its health URL (whichever process is current). */
  async waitHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.#gaveUp) throw new Error(this.#gaveUp);
      try {
        const res = await fetch(this.spec.healthUrl, { signal: AbortSignal.timeout(1000) });
        if (res.ok) {
          this.#healthyOnce = true;
          return;
        }
      } catch {
        // not listening (yet)
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${this.spec.name} did not become healthy within ${timeoutMs / 1000} s`);
  }

  async stop(deadlineMs = 15_000): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    await stopOne(this.current, deadlineMs);
  }
}
