import { type Db, refills } from '@smm/db';
import { and, eq, inArray } from 'drizzle-orm';

/** A reseller's refill requests by public number. */
export function refillsRepository(db: Db) {
  return {
    async statuses(userId: string, numbers: number[]): Promise<{ number: number; status: string }[]> {
      if (numbers.length === 0) return [];
      return db
        .select({ number: refills.number, status: refills.status })
        .from(refills)
        .where(and(inArray(refills.number, numbers), eq(refills.userId, userId)));
    },
  };
}
