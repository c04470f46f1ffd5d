import type { CustomerStatus } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { customerStatusCounts } from '../../use-cases/customer-counts.ts';
import { customerRefillStatus, customerTimeline } from '../../use-cases/order-timeline.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { getOrderSchema, listOrdersSchema, orderTimelineSchema } from './schemas.ts';

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { orders, activity, refills } = app.repos;

  app.get('/orders', { schema: listOrdersSchema }, async (req) => {
    const q = req.query;
    const scope = {
      userId: req.user.id,
      search: q.search,
      serviceId: q.serviceId,
      from: q.from,
      to: q.to,
    };
    const [rows, counts] = await Promise.all([
      orders.customerList({
        ...scope,
        status: q.status as CustomerStatus | undefined,
        after: q.cursor ? decodeCursor(q.cursor) : null,
        limit: q.limit + 1,
      }),
      orders.customerCounts(scope),
    ]);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      success: true as const,
      orders: page,
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
      counts: customerStatusCounts(counts),
    };
  });

  app.get('/orders/:id', { schema: getOrderSchema }, async (req) => {
    const order = await orders.customerFind(req.user.id, req.params.id);
    if (!order) throw notFound('order');
    return { success: true as const, order };
  });
  // Built from the order's activity rows and refunds, in words chosen here: no provider text or name.
  app.get('/orders/:id/timeline', { schema: orderTimelineSchema }, async (req) => {
    const order = await orders.customerFind(req.user.id, req.params.id);
    if (!order) throw notFound('order');
    const [rows, refunds, asked] = await Promise.all([
      activity.customerOfOrder(order.id),
      orders.refundsOf(order.id),
      refills.ofOrder(order.id),
    ]);
    return {
      success: true as const,
      currency: order.currency,
      refunded: refunds[0]?.amount ?? '0.000000',
      refills: asked.map((r) => ({
        number: r.number,
        status: customerRefillStatus(r.status),
        createdAt: r.createdAt,
      })),
      events: customerTimeline(rows, refunds, asked),
    };
  });
};
