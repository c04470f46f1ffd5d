import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The newest modification time under the web package's sources (src/, public/, index.html, configs). */
function newestSource(webDir: string): number {
  let newest = 0;
  const visit = (path: string) => {
    const st = statSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const name of ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']) {
    const path = join(webDir, name);
    if (existsSync(path)) visit(path);
  }
  return newest;
}

/** True when services/web/dist is missing or older than its sources. */
export function webBuildStale(webDir: string): boolean {
  const index = join(webDir, 'dist', 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSource(webDir);
}

/**
 * Builds the web pages (`vite build` of @smm/web, with this same Node) when dist is missing or stale,
 * so the gateway has pages to serve. Resolves with the build's exit code (0 also when nothing to do).
 */
export async function ensureWebBuilt(webDir: string, log: (line: string) => void): Promise<number | null> {
  if (!webBuildStale(webDir)) return 0;
  log('building the web pages (services/web) …');
  let viteBin: string;
  try {
    const vitePkg = createRequire(join(webDir, 'package.json')).resolve('vite/package.json');
    viteBin = join(dirname(vitePkg), 'bin', 'vite.js');
  } catch {
    log('vite is not installed (npm install first): cannot build the web pages');
    return null;
  }
  const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: webDir,
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code));
  });
}
