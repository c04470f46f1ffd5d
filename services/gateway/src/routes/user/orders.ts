import type { SqlLike } from '@smm/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { type Cursor, decodeCursor, encodeCursor } from '../cursor.ts';
import { getOrderSchema, listOrdersSchema } from './schemas.ts';

// Timestamps leave as exact UTC text with microseconds: the cursor compares them back losslessly.
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

function orderColumns(sql: SqlLike) {
  return sql.unsafe(`
    o.id, o.service_id as "serviceId", o.category_id as "categoryId", o.link, o.quantity,
    o.runs, o."interval", o.comments, o.cancel_status as "cancelStatus",
    o.price::text as price, o.currency, o.status, o.provider_status as "providerStatus",
    o.start_count::float8 as "startCount", o.remains::float8 as remains,
    to_char(o.created_at at time zone 'UTC', ${ISO}) as "createdAt",
    to_char(o.updated_at at time zone 'UTC', ${ISO}) as "updatedAt",
    to_char(o.completed_at at time zone 'UTC', ${ISO}) as "completedAt"`);
}

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  const empty = sql``;

  app.get('/orders', { schema: listOrdersSchema }, async (req) => {
    const q = req.query;
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await sql<(Cursor & Record<string, unknown>)[]>`
      select ${orderColumns(sql)}
      from orders o
      where o.user_id = ${req.user.id}
        ${q.status ? sql`and o.status = ${q.status}` : empty}
        ${q.serviceId ? sql`and o.service_id = ${q.serviceId}` : empty}
        ${q.from ? sql`and o.created_at >= ${q.from}::timestamptz` : empty}
        ${q.to ? sql`and o.created_at < ${q.to}::timestamptz` : empty}
        ${cursor ? sql`and (o.created_at, o.id) < (${cursor.createdAt}::timestamptz, ${cursor.id})` : empty}
      order by o.created_at desc, o.id desc
      limit ${q.limit + 1}`;
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      success: true as const,
      orders: page as unknown as OrderRow[],
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  });

  app.get('/orders/:id', { schema: getOrderSchema }, async (req) => {
    // Another user's order is indistinguishable from a missing one.
    const [order] = await sql<OrderRow[]>`
      select ${orderColumns(sql)} from orders o where o.id = ${req.params.id} and o.user_id = ${req.user.id}`;
    if (!order) throw notFound('order');
    return { success: true as const, order };
  });
};

type OrderRow = {
  id: string;
  serviceId: string;
  categoryId: string;
  link: string;
  quantity: number;
  runs: number | null;
  interval: number | null;
  comments: string | null;
  cancelStatus: string | null;
  price: string;
  currency: 'BDT' | 'USD';
  status: string;
  providerStatus: string | null;
  startCount: number | null;
  remains: number | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
};
