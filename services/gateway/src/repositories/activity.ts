import { activityLog, type Db } from '@smm/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { beforeCursor, type Cursor, isoText } from './columns.ts';

export interface ActivityFilter {
  orderId?: string | undefined;
  providerId?: string | undefined;
  userId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  after?: Cursor | null;
  limit: number;
}

/** Reads of the activity log (rows are written only by @smm/db's recordActivity). */
export function activityRepository(db: Db) {
  const columns = {
    id: activityLog.id,
    actorId: activityLog.actorId,
    orderId: activityLog.orderId,
    providerId: activityLog.providerId,
    providerOrderId: activityLog.providerOrderId,
    userId: activityLog.userId,
    action: activityLog.action,
    message: activityLog.message,
    providerResponse: activityLog.providerResponse,
    createdAt: isoText(activityLog.createdAt),
  };

  return {
    list(f: ActivityFilter) {
      return db
        .select(columns)
        .from(activityLog)
        .where(
          and(
            f.orderId ? eq(activityLog.orderId, f.orderId) : undefined,
            f.providerId ? eq(activityLog.providerId, f.providerId) : undefined,
            f.userId ? eq(activityLog.userId, f.userId) : undefined,
            f.actorId ? eq(activityLog.actorId, f.actorId) : undefined,
            f.action ? eq(activityLog.action, f.action) : undefined,
            beforeCursor(activityLog.createdAt, activityLog.id, f.after),
          ),
        )
        .orderBy(desc(activityLog.createdAt), desc(activityLog.id))
        .limit(f.limit);
    },

    /**
     * What an order's customer timeline is built from, oldest first: the action, its time and the
     * message (read for the status words only; never shown) — no provider, actor or reply columns.
     */
    customerOfOrder(orderId: string) {
      return db
        .select({ action: activityLog.action, message: activityLog.message, createdAt: columns.createdAt })
        .from(activityLog)
        .where(eq(activityLog.orderId, orderId))
        .orderBy(asc(activityLog.createdAt), asc(activityLog.id));
    },

    /** An order's history, oldest first. */
    ofOrder(orderId: string) {
      return db
        .select(columns)
        .from(activityLog)
        .where(eq(activityLog.orderId, orderId))
        .orderBy(asc(activityLog.createdAt), asc(activityLog.id));
    },
  };
}
