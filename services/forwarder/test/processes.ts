import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface ForwarderProcess {
  child: ChildProcess;
  /** The ops server's port (/healthz, /readyz, /metrics). */
  port: number;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `node services/forwarder/src/main.ts` as a real child process (Node 24: process.execPath). */
export function spawnForwarder(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts a forwarder process and resolves once it logged that it is taking jobs. */
export async function startForwarderProcess(env: Record<string, string>): Promise<ForwarderProcess> {
  const child = spawnForwarder({ LOG_LEVEL: 'info', ...env });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`forwarder did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"port":(\d+)[^\n]*"msg":"forwarder started"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`forwarder exited with ${code}:\n${out}`));
    });
  });
  return {
    child,
    port,
    output: () => out,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Sum of a counter's samples with the given label, from a /metrics text. */
export function metricSum(text: string, name: string, label: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) && line.includes(label)) sum += Number(line.split(' ').pop());
  }
  return sum;
}
