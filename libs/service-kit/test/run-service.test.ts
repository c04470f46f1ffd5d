import { fileURLToPath } from 'node:url';
import { runUntilExit, startUntil } from '@smm/testkit';
import { describe, expect, it } from 'vitest';

const TOY = fileURLToPath(new URL('./fixtures/toy-service.ts', import.meta.url));
const events = (out: string) => [...out.matchAll(/^EVENT (.*)$/gm)].map((m) => m[1]);

describe('runService: config → connections → build → start → stop, in order, with a deadline', () => {
  it('opens and waits for each connection in order, builds, starts; on SIGTERM stops, then closes them in reverse', async () => {
    const toy = await startUntil(TOY, { TOY_REQUIRED: 'yes', TOY_DOWN_ATTEMPTS: '1' }, /"msg":"toy started"/);
    expect(toy.output()).toMatch(/"port":1234[^\n]*"msg":"toy started"/);
    expect(toy.output()).toContain('waiting for Postgres at fake://postgres: connect ECONNREFUSED');
    expect(await toy.stop()).toBe(0);
    expect(events(toy.output())).toEqual([
      'open Postgres',
      'open Redis',
      'build with Postgres and Redis',
      'start',
      'stop begins',
      'stop done',
      // Whoever creates a connection closes it: the skeleton, after the service's stop().
      'close Redis',
      'close Postgres',
    ]);
    expect(toy.output()).toMatch(/"msg":"toy stopping"[\s\S]*"msg":"toy stopped"/);
  });

  it('exits 1 when stop() outlives the deadline', async () => {
    const toy = await startUntil(
      TOY,
      { TOY_REQUIRED: 'yes', TOY_STOP_MS: '5000', TOY_SHUTDOWN_MS: '300' },
      /"msg":"toy started"/,
    );
    expect(await toy.stop()).toBe(1);
    expect(toy.output()).toContain('shutdown deadline passed');
    expect(events(toy.output())).not.toContain('stop done');
  });

  it('a config error is its one message on stderr and exit 1', async () => {
    const res = await runUntilExit(TOY, {});
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('Invalid configuration for toy:\n  - TOY_REQUIRED: is required\n');
    expect(events(res.stdout)).toEqual([]);
  });

  it('gives up on an unreachable connection after START_WAIT_MS with one line, dropping what it opened', async () => {
    const res = await runUntilExit(TOY, {
      TOY_REQUIRED: 'yes',
      TOY_DOWN_ATTEMPTS: '1000',
      TOY_START_WAIT_MS: '800',
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('toy: cannot reach Postgres at fake://postgres: connect ECONNREFUSED\n');
    expect(events(res.stdout)).toEqual(['open Postgres', 'drop Postgres']);
  });

  it('a build that throws is one line, and the connections are dropped', async () => {
    const res = await runUntilExit(TOY, { TOY_REQUIRED: 'yes', TOY_BUILD_FAILS: 'true' });
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('toy: cannot start: no such table: users\n');
    expect(events(res.stdout)).toEqual(['open Postgres', 'open Redis', 'drop Postgres', 'drop Redis']);
  });
});
