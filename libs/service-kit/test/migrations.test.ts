import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { pendingMigrations } from '../src/index.ts';

const t = await useTestDatabase();

describe('pendingMigrations', () => {
  it('is empty on a migrated database, names what is missing otherwise, and all of them when never migrated', async () => {
    expect(await pendingMigrations(t.sql)).toEqual([]);
    await t.sql`delete from drizzle.__drizzle_migrations
                where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`;
    const one = await pendingMigrations(t.sql);
    expect(one).toHaveLength(1);
    await t.sql`drop schema drizzle cascade`;
    const all = await pendingMigrations(t.sql);
    expect(all.length).toBeGreaterThan(1);
    expect(all[0]).toBe('0000_init');
    expect(all.at(-1)).toBe(one[0]);
  });
});
