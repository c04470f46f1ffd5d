import { setTimeout as sleep } from 'node:timers/promises';

export interface Dependency {
  /** What it is, as an operator names it: "Postgres", "Redis". */
  name: string;
  /** Where, without credentials (for the log line). */
  where: string;
  /** Resolves when it answers. */
  check: () => Promise<unknown>;
}

export interface WaitOptions {
  /** One line per failed attempt (the service's logger, or stderr before it exists). */
  log: (line: string) => void;
  /** Give up after this long (0: never — a supervisor or an orchestrator decides how long is too long). */
  maxWaitMs?: number;
  /** First pause between attempts; it doubles up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
}

export class DependencyUnreachable extends Error {
  constructor(dep: Dependency, reason: string) {
    super(`cannot reach ${dep.name} at ${dep.where}: ${reason}`);
    this.name = 'DependencyUnreachable';
  }
}

/** A failure as one short line: the error code and message, never a stack or a URL with a password. */
export function reasonOf(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: Array<{ code?: string }> };
  const code = e?.code ?? e?.errors?.[0]?.code;
  const message = e?.message ?? String(err);
  return code && !message.includes(code) ? `${code} ${message}`.trim() : message || 'unreachable';
}

/**
 * Waits until a dependency answers, with backoff and one clear line per attempt, instead of exiting:
 * a service started while Postgres or Redis is down (or restarting) comes up when they do, and a
 * supervisor never sees it crash-loop for a dependency it cannot fix.
 */
export async function waitUntilReachable(dep: Dependency, opts: WaitOptions): Promise<void> {
  const started = Date.now();
  let delay = opts.firstDelayMs ?? 500;
  const maxDelay = opts.maxDelayMs ?? 5_000;
  for (let attempt = 1; ; attempt++) {
    try {
      await dep.check();
      if (attempt > 1)
        opts.log(`${dep.name} at ${dep.where} answers again (after ${attempt - 1} failed attempts)`);
      return;
    } catch (err) {
      const reason = reasonOf(err);
      const waited = Date.now() - started;
      if (opts.maxWaitMs && waited + delay > opts.maxWaitMs) throw new DependencyUnreachable(dep, reason);
      opts.log(
        `waiting for ${dep.name} at ${dep.where}: ${reason} (attempt ${attempt}, next in ${Math.round(delay / 100) / 10} s)`,
      );
      await sleep(delay, undefined, { signal: opts.signal });
      delay = Math.min(maxDelay, delay * 2);
    }
  }
}

/** A URL without its password, for messages a human reads. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
