import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_PROCESSES, type ServiceProcess, serviceNodeFlags } from '@smm/config';
import { describe, expect, it } from 'vitest';
import { bundlePath } from '../src/service-bundles.ts';

// No Docker engine runs here, so the image is checked by reading it against the code: the things
// that have gone stale before (a workspace added without its manifest in the install layer, a
// library the web build imports but the web stage does not copy, a compose command naming a file
// that moved).
const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const dockerfile = read('infra/docker/Dockerfile');
// A long command is wrapped onto the next line by the formatter: read every one as `command: [...]`.
const compose = read('docker-compose.yml').replace(/command:\s+\[/g, 'command: [');

function workspaces(): string[] {
  const globs = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
  return globs.flatMap((g) =>
    g.endsWith('/*')
      ? readdirSync(join(ROOT, g.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(join(ROOT, g.slice(0, -2), d.name, 'package.json')))
          .map((d) => `${g.slice(0, -2)}/${d.name}`)
      : [g],
  );
}

describe('the Docker image and compose file, read against the code', () => {
  it('installs every workspace: each manifest is copied before npm ci', () => {
    const ws = workspaces();
    expect(ws.length).toBeGreaterThan(10);
    for (const w of ws) expect(dockerfile, w).toContain(`COPY ${w}/package.json ${w}/`);
  });

  it('the web stage has the sources of every workspace library the pages import', () => {
    const web = dockerfile.slice(dockerfile.indexOf('AS web'), dockerfile.indexOf('AS runtime'));
    const deps = Object.keys(
      (JSON.parse(read('services/web/package.json')) as { dependencies: Record<string, string> })
        .dependencies,
    ).filter((d) => d.startsWith('@smm/'));
    expect(deps).toContain('@smm/domain');
    for (const d of deps) {
      const dir = workspaces().find(
        (w) => (JSON.parse(read(`${w}/package.json`)) as { name: string }).name === d,
      );
      expect(web, d).toContain(`COPY ${dir} ./${dir}`);
    }
  });

  it('every compose command runs a file that exists in the image', () => {
    // The script is the last word of each `command: ["node", …]`.
    const commands = [...compose.matchAll(/command: \["node", ([^\]]+)\]/g)].map(
      (m) => (JSON.parse(`[${m[1]}]`) as string[]).at(-1)!,
    );
    expect(commands).toEqual(
      expect.arrayContaining([
        bundlePath('gateway'),
        bundlePath('forwarder'),
        bundlePath('status-sync'),
        'libs/db/src/migrate-cli.ts',
      ]),
    );
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    for (const c of commands) {
      const service = SERVICE_PROCESSES.find((s) => bundlePath(s) === c);
      if (!service) {
        expect(existsSync(join(ROOT, c)), c).toBe(true);
        continue;
      }
      // A bundle is built in the image, not committed: its entry exists and the runtime copies it.
      expect(existsSync(join(ROOT, 'services', service, 'src', 'main.ts')), c).toBe(true);
      expect(runtime, c).toContain(
        `COPY --from=bundles --chown=node:node /app/services/${service}/dist ./services/${service}/dist`,
      );
    }
    expect(dockerfile.slice(dockerfile.indexOf('AS bundles'))).toContain(
      'RUN node infra/start/src/build-cli.ts',
    );
  });

  it('the image runs every service with the V8 flags infra/start uses (libs/config node-flags.ts)', () => {
    const argv = (service: ServiceProcess) =>
      JSON.stringify(['node', ...serviceNodeFlags(service), bundlePath(service)]).slice(1, -1);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime.replace(/",\s*"/g, '", "')).toContain(`CMD [${argv('gateway').replace(/","/g, '", "')}]`);
    for (const service of SERVICE_PROCESSES)
      expect(compose, service).toContain(`command: [${argv(service).replace(/","/g, '", "')}]`);
    // Node exits with 9 on some of them in NODE_OPTIONS: the image must not set it.
    expect(dockerfile).not.toMatch(/ENV NODE_OPTIONS/);
  });
});
