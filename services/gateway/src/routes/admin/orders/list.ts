import { ORDER_STATUSES } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../../errors.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { getAdminOrderSchema, listAdminOrdersSchema } from './schemas.ts';

export const adminOrderListRoutes: FastifyPluginAsyncZod = async (app) => {
  const { orders, activity } = app.repos;

  app.get('/orders', { schema: listAdminOrdersSchema }, async (req) => {
    const { cursor, limit, ...filter } = req.query;
    const [rows, counted] = await Promise.all([
      orders.adminList({ ...filter, after: cursor ? decodeCursor(cursor) : null, limit: limit + 1 }),
      // The tabs of the admin list: every filter but status and the page position.
      orders.adminCounts({ ...filter, limit }),
    ]);
    const counts: Record<string, number> = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0]));
    for (const c of counted) counts[c.status] = c.n;
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      success: true as const,
      orders: page,
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      counts,
    };
  });

  app.get('/orders/:id', { schema: getAdminOrderSchema }, async (req) => {
    const id = req.params.id;
    const order = await orders.adminFind(id);
    if (!order) throw notFound('order');
    const [ledger, history] = await Promise.all([orders.ledgerOf(id), activity.ofOrder(id)]);
    return { success: true as const, order, ledger, activity: history };
  });
};
