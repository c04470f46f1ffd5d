import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A unique BullMQ prefix per test, so parallel tests never see each other's queues. */
export function testPrefix(label = 't'): string {
  return `test-${label}-${randomBytes(5).toString('hex')}`;
}

export function testRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** Deletes every key under a prefix (SCAN, never KEYS, so a shared Redis is not blocked). */
export async function deletePrefix(url: string, prefix: string): Promise<number> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await r.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return deleted;
}
