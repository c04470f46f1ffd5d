import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// `node infra/bench/src/profile-top.ts <file.cpuprofile | dir>`: where a V8 CPU profile (node
// --cpu-prof) spent its time — self time by function and by package/area, the way infra/bench/README.md
// reports it. A directory means its newest .cpuprofile.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function newest(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files[0]) throw new Error(`no .cpuprofile in ${dir}`);
  return files[0];
}

/** node_modules/<pkg>, our own workspace folder, node: internals, or V8's own entries. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'native'})`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return url.split('/')[0]!.replace(/^node:internal.*/, 'node:internal');
  const own = /\/(libs|services|infra)\/([^/]+)\//.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

const arg = process.argv[2];
if (!arg) {
  console.error('usage: node infra/bench/src/profile-top.ts <file.cpuprofile | dir>');
  process.exit(2);
}
const path = statSync(arg).isDirectory() ? newest(arg) : arg;
const p = JSON.parse(readFileSync(path, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
let total = 0;
p.samples.forEach((id, i) => {
  const dt = p.timeDeltas[i] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  total += dt;
});
const fn = new Map<string, number>();
const area = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const short = url.replace(/^.*\/(node_modules|libs|services|infra)\//, '$1/');
  const key = `${functionName || '(anonymous)'}  ${short}:${lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  const a = areaOf(url, functionName);
  area.set(a, (area.get(a) ?? 0) + us);
}
const idle = [...area].filter(([k]) => k === '(idle)' || k === '(program)').reduce((s, [, v]) => s + v, 0);
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `${path}\n${(total / 1e6).toFixed(1)} s sampled, ${pct(idle).trim()} idle/program\n\nby area (self time)`,
);
for (const [k, v] of [...area].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(v)}  ${k}`);
console.log('\nby function (self time)');
for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(v)}  ${k}`);
