import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orderRateLimit } from '../../plugins/rate-limit.ts';
import { enqueueForwarding } from '../../use-cases/forwarding.ts';
import { createOrders, quoteOrders } from '../../use-cases/order-intake.ts';
import { createOrdersSchema, quoteSchema } from './schemas.ts';

// 100 lines with 2,048-character links are ~220 KB: the global 64 KB limit would refuse a valid order.
const CREATE_ORDERS_BODY_LIMIT = 256 * 1024;

export const createOrdersRoute: FastifyPluginAsyncZod = async (app) => {
  const { config, db } = app.deps;
  const { cache, forwardQueue } = app.intake;

  app.post(
    '/create-orders',
    {
      schema: createOrdersSchema,
      bodyLimit: Math.max(config.bodyLimit, CREATE_ORDERS_BODY_LIMIT),
      config: { rateLimit: orderRateLimit(config) },
    },
    async (req, reply) => {
      const lines = 'orders' in req.body ? req.body.orders : [req.body];
      const result = await createOrders(db.sql, cache, {
        deadlineMs: app.deps.config.intakeDeadlineMs,
        userId: req.user.id,
        lines,
        idempotencyKey: req.headers['idempotency-key'],
        onCreated: (charged) => app.metrics.countOrders(charged),
      });
      if (result.kind === 'replayed') {
        return reply.code(201).header('idempotent-replayed', 'true').send(result.reply);
      }
      // Committed and charged: from here on the answer is 201 whatever Redis does.
      await enqueueForwarding(forwardQueue, result.accepted, req.log);
      return reply.code(201).send(result.reply);
    },
  );

  // The web's live total: the server's own price, never one re-computed from a rounded display rate.
  app.post(
    '/orders/quote',
    { schema: quoteSchema, bodyLimit: Math.max(config.bodyLimit, CREATE_ORDERS_BODY_LIMIT) },
    async (req) => {
      const lines = 'orders' in req.body ? req.body.orders : [req.body];
      return quoteOrders(db.sql, cache, { userId: req.user.id, lines });
    },
  );
};
