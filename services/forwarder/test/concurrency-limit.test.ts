import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@smm/domain';
import { createWorkerConnection, waitForRedis } from '@smm/queue';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from '../src/index.ts';

const url = testRedisUrl();
const prefix = testPrefix('limit');
const a = createWorkerConnection(url);
const b = createWorkerConnection(url);
await Promise.all([waitForRedis(a), waitForRedis(b)]);
afterAll(async () => {
  a.disconnect();
  b.disconnect();
  await deletePrefix(url, prefix);
});

describe('per-provider concurrency limit', () => {
  it('hands out at most `limit` leases across connections (replicas), and frees them on release', async () => {
    const one = new ConcurrencyLimit({ redis: a, prefix, leaseMs: 10_000 });
    const two = new ConcurrencyLimit({ redis: b, prefix, leaseMs: 10_000 });
    const provider = newId('provider');
    const leases = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).acquire(provider, 3)),
    );
    const held = leases.filter((l) => l !== null);
    expect(held).toHaveLength(3);
    expect(await one.held(provider)).toBe(3);
    expect(await two.acquire(provider, 3)).toBeNull();

    await held[0]!.release();
    const again = await two.acquire(provider, 3);
    expect(again).not.toBeNull();
    expect(await one.acquire(provider, 3)).toBeNull();
    // Another provider has its own budget.
    expect(await one.acquire(newId('provider'), 3)).not.toBeNull();
  });

  it('a lease that is never released (a dead replica) expires', async () => {
    const limit = new ConcurrencyLimit({ redis: a, prefix, leaseMs: 300 });
    const provider = newId('provider');
    expect(await limit.acquire(provider, 1)).not.toBeNull();
    expect(await limit.acquire(provider, 1)).toBeNull();
    await sleep(400);
    expect(await limit.acquire(provider, 1)).not.toBeNull();
  });
});
