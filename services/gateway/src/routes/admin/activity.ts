import { idSchema } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../common-schemas.ts';
import { type Cursor, decodeCursor, encodeCursor, iso } from '../cursor.ts';
import { activityEntrySchema } from './orders/schemas.ts';

const activitySchema = {
  tags: ['admin'],
  querystring: z.strictObject({
    orderId: idSchema('order').optional(),
    providerId: idSchema('provider').optional(),
    userId: idSchema('user').optional(),
    actorId: idSchema('user').optional(),
    action: z.string().trim().min(1).max(100).optional().describe('exact action, e.g. order.canceled'),
    cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: {
    200: z.object({
      success: z.literal(true),
      activity: z.array(activityEntrySchema),
      nextCursor: z.string().nullable(),
    }),
    ...errors(400, 401, 403),
  },
};

export const adminActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  const empty = sql``;

  app.get('/activity', { schema: activitySchema }, async (req) => {
    const q = req.query;
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await sql<(z.infer<typeof activityEntrySchema> & Cursor)[]>`
      select id, actor_id as "actorId", order_id as "orderId", provider_id as "providerId",
             provider_order_id as "providerOrderId", user_id as "userId", action, message,
             provider_response as "providerResponse", ${sql.unsafe(iso('created_at'))} as "createdAt"
      from activity_log
      where true
        ${q.orderId ? sql`and order_id = ${q.orderId}` : empty}
        ${q.providerId ? sql`and provider_id = ${q.providerId}` : empty}
        ${q.userId ? sql`and user_id = ${q.userId}` : empty}
        ${q.actorId ? sql`and actor_id = ${q.actorId}` : empty}
        ${q.action ? sql`and action = ${q.action}` : empty}
        ${cursor ? sql`and (created_at, id) < (${cursor.createdAt}::timestamptz, ${cursor.id})` : empty}
      order by created_at desc, id desc
      limit ${q.limit + 1}`;
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      success: true as const,
      activity: page,
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  });
};
