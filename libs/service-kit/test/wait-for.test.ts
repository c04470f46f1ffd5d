import { describe, expect, it } from 'vitest';
import { DependencyUnreachable, safeUrl, waitUntilReachable } from '../src/index.ts';

describe('waitUntilReachable', () => {
  it('waits with backoff and one clear line per attempt until the dependency answers', async () => {
    const lines: string[] = [];
    let calls = 0;
    await waitUntilReachable(
      {
        name: 'Postgres',
        where: '127.0.0.1:5999/smm',
        check: async () => {
          calls++;
          if (calls < 3)
            throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' });
        },
      },
      { log: (l) => lines.push(l), firstDelayMs: 10, maxDelayMs: 20 },
    );
    expect(calls).toBe(3);
    expect(lines).toEqual([
      'waiting for Postgres at 127.0.0.1:5999/smm: connect ECONNREFUSED 127.0.0.1:5999 (attempt 1, next in 0 s)',
      'waiting for Postgres at 127.0.0.1:5999/smm: connect ECONNREFUSED 127.0.0.1:5999 (attempt 2, next in 0 s)',
      'Postgres at 127.0.0.1:5999/smm answers again (after 2 failed attempts)',
    ]);
  });

  it('gives up with one message when a deadline is set', async () => {
    const fail = waitUntilReachable(
      { name: 'Redis', where: 'redis://127.0.0.1:1', check: () => Promise.reject(new Error('refused')) },
      { log: () => {}, maxWaitMs: 50, firstDelayMs: 20 },
    );
    await expect(fail).rejects.toThrow(DependencyUnreachable);
    await expect(fail).rejects.toThrow('cannot reach Redis at redis://127.0.0.1:1: refused');
  });

  it('never prints a password', () => {
    expect(safeUrl('postgres://postgres:secret@db:5432/smm')).toBe('postgres://postgres:***@db:5432/smm');
  });
});
