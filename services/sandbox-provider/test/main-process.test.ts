import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from './support/http.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Starts `node src/main.ts` and waits for the line that says where it listens. */
async function startProcess(
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; apiUrl: string; logs: string[] }> {
  const proc = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const logs: string[] = [];
  const apiUrl = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        logs.push(line);
        const parsed = JSON.parse(line) as { apiUrl?: string };
        if (parsed.apiUrl) resolve(parsed.apiUrl);
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    proc.once('exit', (code) => reject(new Error(`exited with ${code}: ${logs.join('\n')}`)));
  });
  return { proc, apiUrl, logs };
}

describe('the sandbox as its own process', () => {
  it('reads its env, serves SMM v2, and stops cleanly on SIGTERM', async () => {
    const { proc, apiUrl, logs } = await startProcess({
      SANDBOX_API_KEY: 'proc-key',
      SANDBOX_BALANCE: '12.5',
      SANDBOX_ORDER_DURATION_MS: '0',
    });
    const target = { apiUrl, apiKey: 'proc-key' };
    expect((await callApi(target, { action: 'balance' })).json).toEqual({
      balance: '12.50',
      currency: 'USD',
    });
    expect(
      (await callApi(target, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 })).json,
    ).toEqual({
      order: 1,
    });
    expect((await callApi(target, { action: 'balance' }, { key: 'sandbox-key' })).json).toEqual({
      error: 'Invalid API key',
    });
    proc.kill('SIGTERM');
    const [code] = await once(proc, 'exit');
    expect(code).toBe(0);
    expect(logs.join('\n')).not.toContain('proc-key');
  });

  it('refuses to start on a bad variable, naming it', async () => {
    const proc = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', SANDBOX_PARTIAL_RATE: '3' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(proc, 'exit');
    expect(code).not.toBe(0);
    expect(stderr).toContain('SANDBOX_PARTIAL_RATE');
  });
});
