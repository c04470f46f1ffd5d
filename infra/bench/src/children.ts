import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository's root: services are started from here, as `npm start` does. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

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

/** A port free on loopback now (for a child to listen on). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as { port: number };
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Starts `node args` from the root, tracked, and waits until `isReady` says so (20 s at most). */
export async function startChild(
  args: string[],
  childEnv: NodeJS.ProcessEnv,
  isReady: () => Promise<boolean>,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  track(child);
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${args.at(-1)} exited with ${child.exitCode}`);
    if (await isReady().catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${args[0]} did not become ready`);
}

/** SIGTERM, then SIGKILL after 15 s; resolves once it exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
