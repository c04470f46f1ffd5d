import { ACTIVITY, cancelOrder, patchOrder, recordActivity, settleOrder } from '@smm/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../../errors.ts';
import { adminProviderClient, loadProviderSecrets } from '../../../use-cases/providers.ts';
import { cancelAdminOrderSchema, patchAdminOrderSchema, settleOrderSchema } from './schemas.ts';

export const adminOrderUpdateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;

  const reload = async (id: string) => {
    const order = await app.repos.orders.adminFind(id);
    if (!order) throw notFound('order');
    return order;
  };

  app.patch('/orders/:id', { schema: patchAdminOrderSchema }, async (req) => {
    const { refunded } = await patchOrder(sql, req.params.id, req.body, req.user.id);
    req.log.info({ orderId: req.params.id, status: req.body.status, refunded }, 'order updated by admin');
    return { success: true as const, order: await reload(req.params.id), refunded };
  });

  app.post('/orders/:id/settle', { schema: settleOrderSchema }, async (req) => {
    const out = await settleOrder(sql, req.params.id, req.body, req.user.id);
    req.log.info({ orderId: req.params.id, ...out }, 'order settled by admin');
    return { success: true as const, order: await reload(req.params.id), refunded: out.refunded };
  });

  /**
   * Our side first (canceled + refund, committed), then a best-effort `cancel` at the provider for an
   * order live there: the customer's money does not wait on a provider that may never answer, and
   * whether the provider stopped is recorded for the admin (the refund stands either way).
   */
  app.post('/orders/:id/cancel', { schema: cancelAdminOrderSchema }, async (req) => {
    const id = req.params.id;
    const out = await cancelOrder(sql, id, req.user.id, req.body?.reason ?? null);
    req.log.info({ orderId: id, from: out.from, refunded: out.refunded }, 'order canceled by admin');

    let providerCancel: 'not_at_provider' | 'canceled' | 'refused' | 'failed' = 'not_at_provider';
    let providerCancelMessage: string | null = null;
    if (out.providerOrderId && out.providerId && (out.from === 'processing' || out.from === 'in_progress')) {
      try {
        const secrets = await loadProviderSecrets(app, out.providerId);
        const { client, failure } = adminProviderClient(app, secrets);
        try {
          const reply = (await client.cancel([out.providerOrderId])).get(out.providerOrderId);
          if (reply?.ok) providerCancel = 'canceled';
          else {
            providerCancel = 'refused';
            providerCancelMessage = reply?.error ?? 'no answer for this order';
          }
        } catch (err) {
          throw failure(err);
        }
      } catch (err) {
        providerCancel = 'failed';
        providerCancelMessage = err instanceof Error ? err.message : 'provider cancel failed';
      }
      await recordActivity(sql, {
        action: ACTIVITY.orderProviderCancel,
        actorId: req.user.id,
        orderId: id,
        providerId: out.providerId,
        providerOrderId: out.providerOrderId,
        message: `provider cancel ${providerCancel}${providerCancelMessage ? `: ${providerCancelMessage}` : ''}`,
      });
    }
    return {
      success: true as const,
      order: await reload(id),
      refunded: out.refunded,
      providerCancel,
      providerCancelMessage,
    };
  });
};
