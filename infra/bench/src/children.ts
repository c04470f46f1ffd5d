import type { ChildProcess } from 'node:child_process';

/**
 * Every process a benchmark starts is registered here and SIGKILLed when the benchmark leaves by any
 * road — normal exit, its hard deadline, a thrown error, Ctrl-C or a SIGTERM from a runner's timeout —
 * so no forwarder or gateway is left using a core after the benchmark has gone.
 */
const children = new Set<ChildProcess>();

export function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function killAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
}

process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Exits after `ms` with a message, killing every tracked child first. */
export function hardDeadline(name: string, ms: number): void {
  setTimeout(() => {
    process.stderr.write(`${name}: hard deadline passed, stopping\n`);
    killAll();
    process.exit(1);
  }, ms).unref();
}
