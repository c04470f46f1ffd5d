import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, stripTypeScriptTypes } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';
import * as browser from '../src/browser.ts';
import * as full from '../src/index.ts';

// `@smm/domain/browser` is bundled into the web pages: nothing it reaches may need Node. This walks
// the real import graph (static imports, re-exports, dynamic imports; into packages too, resolved
// as a browser bundler would) and names every Node built-in or Node-only package on the way.

const PKG_DIR = fileURLToPath(new URL('..', import.meta.url));
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Conditions a browser bundler (Vite) resolves `exports` with, in its order. */
const BROWSER_CONDITIONS = ['browser', 'import', 'module', 'default'];
/** Packages that only run under Node even where they reach no built-in by name. */
const NODE_ONLY_PACKAGES = new Set([
  'postgres',
  'ioredis',
  'bullmq',
  'pino',
  'got',
  'drizzle-orm',
  'fastify',
]);

interface Walk {
  files: string[];
  /** `<file>: <specifier>` for every Node built-in or Node-only package reached. */
  violations: string[];
}

function specifiers(file: string): string[] {
  const raw = readFileSync(file, 'utf8');
  // Type-only imports are erased before the code runs: strip them as Node and Vite do.
  const code = /\.[mc]?ts$/.test(file) ? stripTypeScriptTypes(raw) : raw;
  const [imports] = parse(code, file);
  const out = imports.map((i) => i.n).filter((n): n is string => typeof n === 'string');
  // CommonJS files: their require() calls.
  if (/\.c?js$/.test(file))
    for (const m of code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function findPackageDir(name: string, fromFile: string): string | null {
  for (let dir = dirname(fromFile); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

function pickExport(target: unknown): string | null {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const hit = pickExport(t);
      if (hit) return hit;
    }
    return null;
  }
  if (target && typeof target === 'object') {
    for (const c of BROWSER_CONDITIONS) {
      if (c in target) {
        const hit = pickExport((target as Record<string, unknown>)[c]);
        if (hit) return hit;
      }
    }
  }
  return null;
}

/** The file a browser bundler loads for a bare specifier, or null when the package cannot be found. */
function resolvePackageFile(spec: string, fromFile: string): string | null {
  const name = packageName(spec);
  const dir = findPackageDir(name, fromFile);
  if (!dir) return null;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const sub = `.${spec.slice(name.length)}`;
  let target: string | null = null;
  if (pkg.exports !== undefined) {
    const exp = pkg.exports;
    const isMap =
      typeof exp === 'object' && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'));
    target = pickExport(isMap ? exp[sub] : sub === '.' ? exp : undefined);
  } else if (sub === '.') {
    target = (typeof pkg.browser === 'string' ? pkg.browser : null) ?? pkg.module ?? pkg.main ?? 'index.js';
  } else {
    target = sub;
  }
  if (!target) return null;
  const file = resolve(dir, target);
  for (const candidate of [file, `${file}.js`, `${file}.mjs`, join(file, 'index.js')]) {
    if (existsSync(candidate) && !candidate.endsWith('/')) return candidate;
  }
  return null;
}

function walk(entry: string): Walk {
  const seen = new Set<string>();
  const violations: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const where = relative(PKG_DIR, file);
    for (const spec of specifiers(file)) {
      if (BUILTINS.has(spec) || spec.startsWith('node:')) {
        violations.push(`${where}: ${spec} (a Node built-in)`);
      } else if (spec.startsWith('.') || spec.startsWith('/')) {
        const next = resolve(dirname(file), spec);
        if (!existsSync(next)) violations.push(`${where}: ${spec} (not found)`);
        else queue.push(next);
      } else if (NODE_ONLY_PACKAGES.has(packageName(spec))) {
        violations.push(`${where}: ${spec} (a Node-only package)`);
      } else {
        const next = resolvePackageFile(spec, file);
        if (!next) violations.push(`${where}: ${spec} (no browser entry)`);
        else queue.push(next);
      }
    }
  }
  return { files: [...seen].map((f) => relative(PKG_DIR, f)), violations };
}

describe('the browser entry (@smm/domain/browser)', () => {
  it('is the package export ./browser', () => {
    const pkg = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8'));
    expect(pkg.exports['./browser']).toBe('./src/browser.ts');
  });

  it('reaches no Node built-in and no Node-only package', async () => {
    await init;
    const { files, violations } = walk(join(PKG_DIR, 'src/browser.ts'));
    expect(violations).toEqual([]);
    // The walk really followed the graph, into decimal.js's browser build too.
    expect(files).toEqual(
      expect.arrayContaining([
        'src/money.ts',
        'src/pricing.ts',
        'src/service-types.ts',
        expect.stringMatching(/node_modules\/decimal\.js\/decimal\.m?js$/),
      ]),
    );
  });

  it('the walk does catch a Node built-in: the full entry reaches node:crypto through ids.ts', async () => {
    await init;
    const { violations } = walk(join(PKG_DIR, 'src/index.ts'));
    expect(violations).toContain('src/ids.ts: node:crypto (a Node built-in)');
  });

  it('exports the very order-line rules the server uses', () => {
    const shared: Record<string, unknown> = browser;
    const server: Record<string, unknown> = full;
    for (const name of [
      'serviceKind',
      'isPackageService',
      'takesComments',
      'allowsDripFeed',
      'quantityRange',
      'deliveredUnits',
      'commentLines',
      'priceOrder',
      'displayRate',
      'roundMoney',
      'compareMoney',
      'isZeroMoney',
    ]) {
      expect(shared[name], name).toBeTypeOf('function');
      expect(shared[name], name).toBe(server[name]);
    }
    expect(browser.DRIP_FEED).toBe(full.DRIP_FEED);
    expect(browser.MAX_COMMENT_LENGTH).toBe(full.MAX_COMMENT_LENGTH);
    expect(browser.ORDER_STATUSES).toBe(full.ORDER_STATUSES);
  });
});
