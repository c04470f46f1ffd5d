import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tooManyRequests } from '../../errors.ts';
import { liveOrdersSchema, orderEventsSchema } from './schemas.ts';

/** Proxies and browsers drop a silent stream; a comment line keeps it open. */
const HEARTBEAT_MS = 15_000;

/**
 * Live updates for the orders a page shows (use-cases/order-watch.ts): an event stream, and a JSON
 * twin for clients that cannot hold one open (the pages fall back to polling it).
 */
export const orderEventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/orders/events', { schema: orderEventsSchema }, async (req, reply) => {
    const out = new PassThrough();
    const stop = app.orderWatch.watch(req.user.id, req.query.ids, {
      send: (order) => out.write(`event: order\ndata: ${JSON.stringify(order)}\n\n`),
      end: () => out.end(),
    });
    if (!stop) throw tooManyRequests('too many open order streams; close another tab');
    const beat = setInterval(() => out.write(': keep-alive\n\n'), HEARTBEAT_MS);
    beat.unref();
    // The response's close: the client left (or the stream ended); the request's own close says neither.
    reply.raw.once('close', () => {
      clearInterval(beat);
      stop();
      out.end();
    });
    // The browser reconnects after this long when the stream drops (a gateway restart, say).
    out.write('retry: 3000\n\n');
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no')
      .send(out);
  });

  app.get('/orders/live', { schema: liveOrdersSchema }, async (req) => {
    const rows = await app.repos.orders.watched(req.query.ids, req.user.id);
    return { success: true as const, orders: rows.map(({ userId: _owner, ...order }) => order) };
  });
};
