import type { FastifyInstance } from 'fastify';
import { OrderWatchHub } from '../use-cases/order-watch.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live order updates for open My-orders pages (routes/user/order-events.ts). */
    orderWatch: OrderWatchHub;
  }
}

export function decorateOrderWatch(app: FastifyInstance): void {
  const hub = new OrderWatchHub({
    load: (ids) => app.repos.orders.watched(ids),
    intervalMs: app.deps.config.orderWatch.intervalMs,
    maxPerUser: app.deps.config.orderWatch.maxPerUser,
    onError: (err) => app.log.warn({ err }, 'order watch read failed; streams keep their last state'),
  });
  app.decorate('orderWatch', hub);
  // Before the server stops accepting: an open stream would otherwise hold close until its client leaves.
  app.addHook('preClose', async () => hub.close());
}
