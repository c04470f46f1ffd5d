import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync, FastifyRequest } from 'fastify';
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
 * architecture.md#reseller-api `/api/v2`: this panel as an SMM v2 provider for other panels and resellers' scripts.
 * Every transport they use means the same: GET with a query string, POST with form, multipart or
 * JSON bodies, or POST with the fields in the URL. Every reply, errors included, is the
 * architecture.md#provider-api shape or `{"error": "<text>"}` — clients read the body, not the status:
 *  - what the request says is wrong (unknown key or action, bad fields, unreadable/oversized body,
 *    unknown content type): HTTP 200, as panels' clients expect (several treat any 4xx as "provider down");
 *  - where it was sent is wrong: 404 (no such path under /api/v2), 405 (a method other than GET/POST);
 *  - the key's rate limit is spent: 429; we failed: 500; a dependency is down: 503.
 * The form and multipart parsers are registered here only, so the JSON API keeps refusing those bodies.
 */
export const resellerApiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    // Fields only (this API takes no files), within the same body limit as every other parser.
    limits: { files: 0, fields: 50, fieldSize: app.deps.config.bodyLimit, parts: 50 },
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof V2Error) return reply.code(200).send({ error: err.message });
    if (err.statusCode === 429) return reply.code(429).send({ error: V2_ERROR.rateLimited });
    if (isDependencyDown(err)) {
      req.log.warn({ err }, 'reseller API: dependency unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: V2_ERROR.unavailable });
    }
    // Unreadable JSON, unknown content types, oversized bodies, files: the request, not us.
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(200).send({ error: V2_ERROR.request });
    }
    req.log.error({ err }, 'reseller API: unhandled error');
    return reply.code(500).send({ error: V2_ERROR.internal });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: V2_ERROR.notFound }));

  const handler = async (req: FastifyRequest) => {
    const params = readParams(req.query, req.body);
    if (!params) throw new V2Error(V2_ERROR.request);
    const reseller = await findReseller(app.repos.users, params.key);
    if (!params.action) throw new V2Error(V2_ERROR.request);
    const action = ACTIONS[params.action.trim().toLowerCase()];
    if (!action) throw new V2Error(V2_ERROR.action);
    return action({ app, log: req.log, reseller, params });
  };
  // '/' under the prefix answers both /api/v2 and /api/v2/ (fastify's prefixTrailingSlash 'both').
  app.route({
    method: ['GET', 'POST'],
    url: '/',
    schema: {
      tags: ['reseller'],
      summary:
        'SMM API v2: key + action, by GET query string or POST (form, multipart, JSON, or query string)',
    },
    config: { rateLimit: v2RateLimit(app.deps.config) },
    handler,
  });
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/',
    schema: { hide: true },
    handler: async (_req, reply) =>
      reply.code(405).header('allow', 'GET, POST').send({ error: V2_ERROR.method }),
  });
};
