import { requestAdminForward } from '@smm/db';
import { providerProblem } from '@smm/domain';
import { enqueue, forwardJobId, QUEUE } from '@smm/queue';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE, notFound } from '../../../errors.ts';
import { eventsFor, waitForJob } from '../../../use-cases/admin-jobs.ts';
import { assertProviderUrl } from '../../../use-cases/providers.ts';
import { forwardSchema } from './schemas.ts';

/**
 * architecture.md#admin-api: the admin's forward goes through the forwarder's own job (the one code path that may call
 * `add`), enqueued with the provider named so manual-mode services go too, and waited for, bounded.
 */
export const forwardRoute: FastifyPluginAsyncZod = async (app) => {
  const { db, producer, config } = app.deps;
  const { sql } = db;

  app.post('/orders/forward-to-provider', { schema: forwardSchema }, async (req, reply) => {
    const { orderId, providerId } = req.body;
    const provider = await app.repos.providers.usability(providerId);
    if (!provider) throw notFound('provider');
    // Is this provider usable: the domain's one rule, answered as the 422 it is.
    const problem = providerProblem(
      { providerStatus: provider.status, apiUrl: provider.apiUrl },
      config.allowInsecureProviderUrls,
    );
    if (problem?.kind === 'inactive') throw new AppError(422, ERROR_CODE.providerInactive, problem.reason);
    if (problem) assertProviderUrl(provider.apiUrl, config.allowInsecureProviderUrls);
    const svc = await app.repos.orders.serviceTarget(orderId);
    if (!svc) throw notFound('order');
    if (!svc.providerServiceId) {
      throw new AppError(
        422,
        ERROR_CODE.businessRule,
        "the order's service has no provider service id to send",
      );
    }
    // The forwarder sends the service's provider service id: at another provider that number names
    // some other service, bought with real money.
    if (svc.providerId !== null && svc.providerId !== providerId) {
      throw new AppError(
        422,
        ERROR_CODE.businessRule,
        "the order's service belongs to another provider; its provider service id means nothing there",
        { serviceProviderId: svc.providerId },
      );
    }

    // Events first: the job's completion must not happen before anyone listens.
    const events = await eventsFor(app, QUEUE.orderForward);

    const round = await requestAdminForward(sql, { orderId, providerId, actorId: req.user.id });

    const jobId = forwardJobId(orderId, round);
    // Redis down here leaves the order pending (charged, nothing sent): the answer is a 503 to retry.
    const job = await enqueue(
      producer,
      'forward-order',
      { orderId, adminForward: { providerId, actorId: req.user.id } },
      { jobId },
    );
    const outcome = await waitForJob('forward-order', job, events, config.adminWaitMs);

    if (outcome.kind === 'done') {
      return {
        success: true as const,
        status: outcome.value.status,
        providerOrderId: outcome.value.providerOrderId ?? null,
        error: outcome.value.error ?? null,
        jobId,
      };
    }
    const status = await app.repos.orders.statusOf(orderId);
    if (outcome.kind === 'failed') {
      throw new AppError(502, ERROR_CODE.providerError, outcome.reason, {
        status: status ?? null,
        jobId,
      });
    }
    return reply.code(202).send({
      success: true as const,
      status: status ?? 'pending',
      providerOrderId: null,
      jobId,
    });
  });
};
