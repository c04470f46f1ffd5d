import formbody from '@fastify/formbody';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { isDependencyDown } from '../../plugins/error-envelope.ts';
import { v2RateLimit } from '../../plugins/rate-limit.ts';
import { addAction } from './actions/add.ts';
import { balanceAction } from './actions/balance.ts';
import { cancelAction } from './actions/cancel.ts';
import { refillAction, refillStatusAction } from './actions/refill.ts';
import { servicesAction } from './actions/services.ts';
import { statusAction } from './actions/status.ts';
import type { V2Action } from './context.ts';
import { readParams, V2_ERROR, V2Error } from './params.ts';
import { findReseller } from './reseller.ts';

const ACTIONS: Record<string, V2Action> = {
  services: servicesAction,
  add: addAction,
  status: statusAction,
  refill: refillAction,
  refill_status: refillStatusAction,
  cancel: cancelAction,
  balance: balanceAction,
};

/**
 * architecture.md#reseller-api `POST /api/v2`: this panel as an SMM v2 provider for other panels. Form or JSON bodies; every
 * reply is the architecture.md#provider-api shape or `{"error": …}` with HTTP 200 (what panels' clients expect — several treat
 * any 4xx as "provider down"), except 429 when the key's rate limit is spent and 5xx when we fail.
 * The form parser is registered here only, so the JSON API keeps refusing form bodies.
 */
export const resellerApiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(formbody);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof V2Error) return reply.code(200).send({ error: err.message });
    if (err.statusCode === 429) return reply.code(429).send({ error: V2_ERROR.rateLimited });
    if (isDependencyDown(err)) {
      req.log.warn({ err }, 'reseller API: dependency unavailable');
      return reply.code(503).send({ error: V2_ERROR.unavailable });
    }
    // Unreadable JSON, unknown content types, oversized bodies: the request, not us.
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(200).send({ error: V2_ERROR.request });
    }
    req.log.error({ err }, 'reseller API: unhandled error');
    return reply.code(500).send({ error: V2_ERROR.internal });
  });

  app.post(
    '',
    {
      schema: { tags: ['reseller'], summary: 'SMM API v2 (form or JSON): key + action' },
      config: { rateLimit: v2RateLimit(app.deps.config) },
    },
    async (req) => {
      const params = readParams(req.body);
      if (!params) throw new V2Error(V2_ERROR.request);
      const reseller = await findReseller(app.repos.users, params.key);
      if (!params.action) throw new V2Error(V2_ERROR.request);
      const action = ACTIONS[params.action.trim().toLowerCase()];
      if (!action) throw new V2Error(V2_ERROR.action);
      return action({ app, log: req.log, reseller, params });
    },
  );
};
