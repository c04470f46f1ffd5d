import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE, notFound } from '../../errors.ts';
import { CANCEL_REFUSAL, type CancelRefusal, requestCancel } from '../../use-cases/cancel-requests.ts';
import { REFILL_REFUSAL, type RefillRefusal, requestRefill } from '../../use-cases/refill-requests.ts';
import { cancelOrderSchema, refillOrderSchema } from './schemas.ts';

function refillError(r: RefillRefusal): AppError {
  if (r === 'notFound') return notFound('order');
  if (r === 'open') return new AppError(409, ERROR_CODE.conflict, REFILL_REFUSAL[r]);
  return new AppError(422, ERROR_CODE.businessRule, REFILL_REFUSAL[r]);
}

function cancelError(r: CancelRefusal): AppError {
  if (r === 'notFound') return notFound('order');
  if (r === 'disabled') return new AppError(422, ERROR_CODE.businessRule, CANCEL_REFUSAL[r]);
  if (r === 'finished') return new AppError(409, ERROR_CODE.invalidTransition, CANCEL_REFUSAL[r]);
  return new AppError(409, ERROR_CODE.conflict, CANCEL_REFUSAL[r]);
}

/** architecture.md#customer-api refill and cancel of the caller's own order: the same code as the reseller API's actions. */
export const orderRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, producer } = app.deps;

  app.post('/orders/:id/refill', { schema: refillOrderSchema }, async (req, reply) => {
    const r = await requestRefill(db.sql, producer, req.log, { userId: req.user.id, orderId: req.params.id });
    if (!r.ok) throw refillError(r.refusal);
    return reply.code(202).send({ success: true as const, refillId: r.refillId, status: 'pending' as const });
  });

  app.post('/orders/:id/cancel', { schema: cancelOrderSchema }, async (req, reply) => {
    const r = await requestCancel(db.sql, producer, req.log, { userId: req.user.id, orderId: req.params.id });
    if (!r.ok) throw cancelError(r.refusal);
    if (r.kind === 'canceled') {
      return reply.code(200).send({
        success: true as const,
        status: 'canceled' as const,
        refunded: r.refunded,
        currency: r.currency as 'BDT' | 'USD',
      });
    }
    return reply.code(202).send({ success: true as const, status: 'cancel_requested' as const });
  });
};
