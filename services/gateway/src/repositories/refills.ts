import { type Db, refills } from '@smm/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { isoText } from './columns.ts';

/** A reseller's refill requests by public number. */
export function refillsRepository(db: Db) {
  return {
    /** An order's refill requests, oldest first (its customer's view: number, state, time). */
    ofOrder(orderId: string): Promise<{ id: string; number: number; status: string; createdAt: string }[]> {
      return db
        .select({
          id: refills.id,
          number: refills.number,
          status: refills.status,
          createdAt: isoText(refills.createdAt),
        })
        .from(refills)
        .where(eq(refills.orderId, orderId))
        .orderBy(asc(refills.createdAt), asc(refills.id));
    },

    async statuses(userId: string, numbers: number[]): Promise<{ number: number; status: string }[]> {
      if (numbers.length === 0) return [];
      return db
        .select({ number: refills.number, status: refills.status })
        .from(refills)
        .where(and(inArray(refills.number, numbers), eq(refills.userId, userId)));
    },
  };
}
