import { join, relative } from 'node:path';
import { SERVICE_PROCESSES, type ServiceProcess } from '@smm/config';
import { build, type Plugin } from 'esbuild';

/** Where a service's bundle is written, relative to the repository root (what `node` is given). */
export const bundlePath = (service: ServiceProcess) => `services/${service}/dist/main.mjs`;

/**
 * Leaves every npm package to node_modules at run time and inlines only the workspace's own code
 * (`@smm/*` and relative imports). A package is then loaded from the bundle's directory instead of
 * the importing library's: the build fails when that would find a different copy (a library with
 * its own nested node_modules), instead of the service failing or mixing two copies at run time.
 */
function externalPackages(serviceDir: string): Plugin {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('@smm/') || args.pluginData === 'check') return undefined;
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const from = (resolveDir: string) =>
          b.resolve(args.path, { kind: args.kind, resolveDir, pluginData: 'check' });
        const [here, there] = await Promise.all([from(args.resolveDir), from(serviceDir)]);
        if (here.errors.length === 0 && here.path !== there.path)
          return {
            errors: [
              {
                text: `${args.path} resolves to ${here.path} here but to ${there.path || 'nothing'} from the bundle`,
              },
            ],
          };
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundles each service's `src/main.ts` into `dist/main.mjs`. The services then start from plain
 * JavaScript: Node does not strip the TypeScript of ~200 modules at every start, which cost each
 * process ~60 MiB of resident memory that stayed (infra/bench/README.md, "Shipping bundles").
 * Tests still run the sources.
 */
export async function buildServiceBundles(
  root: string,
  services: readonly ServiceProcess[] = SERVICE_PROCESSES,
): Promise<string[]> {
  return Promise.all(
    services.map(async (service) => {
      const outfile = join(root, bundlePath(service));
      await build({
        entryPoints: [join(root, 'services', service, 'src', 'main.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node24',
        // A readable bundle: stack traces name our functions; `node --enable-source-maps` maps them
        // back to the sources.
        sourcemap: 'linked',
        legalComments: 'none',
        logLevel: 'warning',
        // dist/ holds no node_modules: a package is found from the bundle as from the service's folder.
        plugins: [externalPackages(join(root, 'services', service))],
      });
      return relative(root, outfile);
    }),
  );
}
