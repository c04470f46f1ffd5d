import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { getOrderSchema, listOrdersSchema } from './schemas.ts';

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { orders } = app.repos;

  app.get('/orders', { schema: listOrdersSchema }, async (req) => {
    const q = req.query;
    const rows = await orders.customerList({
      userId: req.user.id,
      status: q.status,
      serviceId: q.serviceId,
      from: q.from,
      to: q.to,
      after: q.cursor ? decodeCursor(q.cursor) : null,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      success: true as const,
      orders: page,
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  });

  app.get('/orders/:id', { schema: getOrderSchema }, async (req) => {
    const order = await orders.customerFind(req.user.id, req.params.id);
    if (!order) throw notFound('order');
    return { success: true as const, order };
  });
};
