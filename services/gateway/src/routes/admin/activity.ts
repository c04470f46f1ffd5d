import { idSchema } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../common-schemas.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
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
  app.get('/activity', { schema: activitySchema }, async (req) => {
    const { cursor, limit, ...filter } = req.query;
    const rows = await app.repos.activity.list({
      ...filter,
      after: cursor ? decodeCursor(cursor) : null,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      success: true as const,
      activity: page,
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  });
};
