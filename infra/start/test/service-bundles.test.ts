import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServiceBundles, bundlePath } from '../src/service-bundles.ts';

// A workspace in miniature: a service whose main imports a workspace library (@smm/lib, TypeScript)
// that imports an npm package (dep). The real services are built and run by the end-to-end test
// (npm start runs them from their bundles); this one checks what the bundler itself promises.
let root: string;
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const pkg = (dir: string, name: string, main: string) =>
  put(`${dir}/package.json`, JSON.stringify({ name, type: 'module', exports: { '.': main } }));

function workspace() {
  root = mkdtempSync(join(tmpdir(), 'smm-bundle-'));
  pkg('node_modules/dep', 'dep', './index.js');
  put('node_modules/dep/index.js', "export const who = 'the root copy';\n");
  pkg('libs/lib', '@smm/lib', './src/index.ts');
  put(
    'libs/lib/src/index.ts',
    "import { who } from 'dep';\nexport const hello = (from: string): string => `${from} ${who}`;\n",
  );
  mkdirSync(join(root, 'node_modules/@smm'), { recursive: true });
  symlinkSync(join(root, 'libs/lib'), join(root, 'node_modules/@smm/lib'));
  put(
    'services/gateway/src/main.ts',
    "import { hello } from '@smm/lib';\nconsole.log(hello('bundled, with'));\n",
  );
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('service bundles', () => {
  it('inline the workspace TypeScript and load npm packages from node_modules at run time', async () => {
    workspace();
    expect(await buildServiceBundles(root, ['gateway'])).toEqual([bundlePath('gateway')]);
    const bundle = readFileSync(join(root, bundlePath('gateway')), 'utf8');
    expect(bundle).not.toContain('@smm/lib');
    expect(bundle).toMatch(/from "dep"/);
    const out = execFileSync(process.execPath, [join(root, bundlePath('gateway'))], { encoding: 'utf8' });
    expect(out.trim()).toBe('bundled, with the root copy');
    // Replacing the package after the build changes what runs: it was not copied in.
    put('node_modules/dep/index.js', "export const who = 'an upgraded root copy';\n");
    expect(
      execFileSync(process.execPath, [join(root, bundlePath('gateway'))], { encoding: 'utf8' }).trim(),
    ).toBe('bundled, with an upgraded root copy');
  });

  it('refuse a library whose own node_modules holds another copy the bundle would not load', async () => {
    workspace();
    pkg('libs/lib/node_modules/dep', 'dep', './index.js');
    put('libs/lib/node_modules/dep/index.js', "export const who = 'the nested copy';\n");
    await expect(buildServiceBundles(root, ['gateway'])).rejects.toThrow(
      /dep resolves to .*libs\/lib\/node_modules\/dep\/index\.js here but to .*\/node_modules\/dep\/index\.js from the bundle/,
    );
  });
});
