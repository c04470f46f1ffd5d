import { ORDER_STATUSES } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../../errors.ts';
import { type Cursor, decodeCursor, encodeCursor, iso, likeContains } from '../../cursor.ts';
import { getAdminOrderSchema, listAdminOrdersSchema } from './schemas.ts';
import { type AdminOrder, adminOrderColumns, adminOrderFrom, loadAdminOrder } from './view.ts';

export const adminOrderListRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  const empty = sql``;

  app.get('/orders', { schema: listAdminOrdersSchema }, async (req) => {
    const q = req.query;
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    // Everything but status and the page position: the counts are the tabs of the admin list.
    const filters = sql`
      ${q.providerId ? sql`and o.provider_id = ${q.providerId}` : empty}
      ${q.userId ? sql`and o.user_id = ${q.userId}` : empty}
      ${q.serviceId ? sql`and o.service_id = ${q.serviceId}` : empty}
      ${q.isManual === undefined ? empty : sql`and o.is_manual = ${q.isManual}`}
      ${q.link ? sql`and o.link ilike ${likeContains(q.link)}` : empty}
      ${q.from ? sql`and o.created_at >= ${q.from}::timestamptz` : empty}
      ${q.to ? sql`and o.created_at < ${q.to}::timestamptz` : empty}`;
    const [rows, counted] = await Promise.all([
      sql<(AdminOrder & Cursor)[]>`
        select ${adminOrderColumns(sql)}
        from ${adminOrderFrom(sql)}
        where true ${filters}
          ${q.status ? sql`and o.status = ${q.status}` : empty}
          ${q.reviewKind ? sql`and o.review_kind = ${q.reviewKind}` : empty}
          ${cursor ? sql`and (o.created_at, o.id) < (${cursor.createdAt}::timestamptz, ${cursor.id})` : empty}
        order by o.created_at desc, o.id desc
        limit ${q.limit + 1}`,
      sql<{ status: string; n: number }[]>`
        select o.status, count(*)::int as n from orders o where true ${filters} group by o.status`,
    ]);
    const counts: Record<string, number> = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0]));
    for (const c of counted) counts[c.status] = c.n;
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      success: true as const,
      orders: page,
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
      counts,
    };
  });

  app.get('/orders/:id', { schema: getAdminOrderSchema }, async (req) => {
    const id = req.params.id;
    const order = await loadAdminOrder(sql, id);
    if (!order) throw notFound('order');
    const [ledger, activity] = await Promise.all([
      sql<never[]>`
        select id, kind, amount::text as amount, balance_after::text as "balanceAfter", currency, note,
               actor_id as "actorId", ${sql.unsafe(iso('created_at'))} as "createdAt"
        from ledger where order_id = ${id} order by created_at, id`,
      sql<never[]>`
        select id, actor_id as "actorId", order_id as "orderId", provider_id as "providerId",
               provider_order_id as "providerOrderId", user_id as "userId", action, message,
               provider_response as "providerResponse", ${sql.unsafe(iso('created_at'))} as "createdAt"
        from activity_log where order_id = ${id} order by created_at, id`,
    ]);
    return { success: true as const, order, ledger, activity };
  });
};
