import { type Db, refills } from '@smm/db';
import { and, eq, inArray } from 'drizzle-orm';

/** A reseller's refill requests by id. */
export function refillsRepository(db: Db) {
  return {
    async statuses(userId: string, ids: string[]): Promise<{ id: string; status: string }[]> {
      if (ids.length === 0) return [];
      return db
        .select({ id: refills.id, status: refills.status })
        .from(refills)
        .where(and(inArray(refills.id, ids), eq(refills.userId, userId)));
    },
  };
}
