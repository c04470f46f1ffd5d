import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE } from '../../../errors.ts';
import { createOrders } from '../../../use-cases/order-intake.ts';
import { manualOrderSchema } from './schemas.ts';

/**
 * A manual order goes through the customer intake (same checks, pricing and charge statement) with
 * the admin as actor and isManual set. It is never enqueued for forwarding, even for an auto-mode
 * service: the admin fulfils it, or sends it on with POST /orders/forward-to-provider.
 */
export const manualOrderRoute: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  const { cache } = app.intake;

  app.post('/orders/manual', { schema: manualOrderSchema }, async (req, reply) => {
    const b = req.body;
    if (!(await app.repos.users.exists(b.userId)))
      throw new AppError(404, ERROR_CODE.notFound, 'user not found');
    const svc = (await cache.services(sql, [b.serviceId])).get(b.serviceId);
    if (!svc) throw new AppError(422, ERROR_CODE.serviceNotFound, 'no such service');
    const result = await createOrders(sql, cache, {
      deadlineMs: app.deps.config.intakeDeadlineMs,
      userId: b.userId,
      lines: [
        {
          categoryId: svc.categoryId,
          serviceId: b.serviceId,
          link: b.link,
          qty: b.quantity,
          ...(b.comments !== undefined ? { comments: b.comments } : {}),
          ...(b.runs !== undefined ? { runs: b.runs } : {}),
          ...(b.interval !== undefined ? { interval: b.interval } : {}),
        },
      ],
      admin: { actorId: req.user.id, adminNotes: b.adminNotes ?? null },
      onCreated: (charged) => app.metrics.countOrders(charged),
    }).catch((err: unknown) => {
      // The intake's 403 is about the caller's own account; here the admin is fine and the customer is not.
      if (err instanceof AppError && err.statusCode === 403) {
        throw new AppError(422, ERROR_CODE.businessRule, "the user's account is suspended");
      }
      throw err;
    });
    const orderId = result.reply.orderIds[0]!;
    req.log.info({ orderId, userId: b.userId }, 'manual order placed by admin');
    return reply.code(201).send({
      success: true as const,
      orderId,
      totalCost: result.reply.totalCost,
      currency: result.reply.currency,
    });
  });
};
