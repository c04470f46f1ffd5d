// DESIGN §3: exactly one version each of bullmq, ioredis, drizzle-orm and zod in the tree — two
// copies of bullmq or ioredis mean two incompatible connection classes, two zods mean schemas
// that do not recognise each other.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WATCHED = ['bullmq', 'ioredis', 'drizzle-orm', 'zod'];
const found = new Map(WATCHED.map((n) => [n, new Set()]));

function scan(dir, depth) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    if (name.startsWith('@')) {
      scan(full, depth);
      continue;
    }
    if (found.has(name)) {
      try {
        found.get(name).add(JSON.parse(readFileSync(join(full, 'package.json'), 'utf8')).version);
      } catch {}
    }
    const nested = join(full, 'node_modules');
    if (depth < 8 && statSync(full, { throwIfNoEntry: false })?.isDirectory()) scan(nested, depth + 1);
  }
}

scan('node_modules', 0);
for (const ws of ['libs', 'services', 'infra']) {
  for (const pkg of readdirSync(ws)) scan(join(ws, pkg, 'node_modules'), 0);
}

let bad = false;
for (const [name, versions] of found) {
  if (versions.size > 1) {
    bad = true;
    console.error(`${name}: ${[...versions].join(', ')} — more than one version installed`);
  }
}
if (bad) process.exit(1);
console.log(`one version each: ${WATCHED.map((n) => `${n}@${[...found.get(n)].join('')}`).join(', ')}`);
