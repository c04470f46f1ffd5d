import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, README_FILE, START, withResellerSection } from '../scripts/reseller-docs.ts';
import { phpSample, README_ENDPOINT, RESELLER_ACTIONS } from '../src/lib/reseller-api-docs.ts';

// The reseller API docs live once, in src/lib/reseller-api-docs.ts: the /api page renders them and
// `npm run docs:reseller -w @smm/web` writes them into the gateway's README. The two must not drift.
describe('the reseller API section of services/gateway/README.md', () => {
  const readme = readFileSync(README_FILE, 'utf8');

  it('is what `npm run docs:reseller -w @smm/web` writes now', () => {
    // On failure: `npm run docs:reseller -w @smm/web`, then review and commit the diff.
    expect(
      readme === withResellerSection(readme),
      'the README section is stale: run `npm run docs:reseller -w @smm/web`',
    ).toBe(true);
  });

  it('sits under its heading at the end and names every action', () => {
    const section = readme.slice(readme.indexOf(START), readme.indexOf(END));
    expect(readme).toMatch(/## Reseller API \(SMM API v2\)\n\n<!-- reseller-api:start -->/);
    expect(readme.trimEnd().endsWith(END)).toBe(true);
    expect(RESELLER_ACTIONS).toEqual([
      'services',
      'add',
      'status',
      'refill',
      'refill_status',
      'cancel',
      'balance',
    ]);
    for (const action of RESELLER_ACTIONS) expect(section).toContain(`### \`${action}\``);
  });
});

const php = spawnSync('php', ['--version'], { encoding: 'utf8' });
describe.runIf(php.status === 0)('the PHP sample', () => {
  it('is valid PHP', () => {
    const lint = spawnSync('php', ['-l'], { input: phpSample(README_ENDPOINT).code, encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toContain('No syntax errors detected');
  });
});
