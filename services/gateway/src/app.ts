import { LazyChildLogger, type Logger } from '@smm/logger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { GatewayDeps } from './deps.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerBullBoard } from './plugins/bull-board.ts';
import { decorateDeps } from './plugins/deps.ts';
import { registerErrorEnvelope } from './plugins/error-envelope.ts';
import { decorateIntake } from './plugins/intake.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { decorateOrderWatch } from './plugins/order-watch.ts';
import { decorateQueueEvents } from './plugins/queue-events.ts';
import { registerRateLimit } from './plugins/rate-limit.ts';
import { decorateRepositories } from './plugins/repositories.ts';
import { genReqId, registerRequestIdEcho } from './plugins/request-id.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerSwagger } from './plugins/swagger.ts';
import { registerWebPages } from './plugins/web-pages.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { userRoutes } from './routes/user/index.ts';
import { resellerApiRoutes } from './routes/v2/index.ts';

/**
 * The whole HTTP API from its dependencies; no I/O of its own until a request arrives, so a test
 * builds exactly what main.ts runs (and drives it with `app.inject`).
 */
export async function buildGateway(deps: GatewayDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // A request's child logger (its reqId) is built only if the request writes a line.
    childLoggerFactory: (logger, bindings, opts) =>
      new LazyChildLogger(logger as Logger, bindings, opts) as unknown as FastifyBaseLogger,
  }) as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First, so every response carries the headers: errors, 404s and guard refusals included.
  await registerSecurityHeaders(app, config);
  registerErrorEnvelope(app);
  registerRequestIdEcho(app);
  decorateDeps(app, deps);
  decorateRepositories(app);
  registerMetrics(app, deps);
  decorateIntake(app);
  decorateQueueEvents(app);
  decorateOrderWatch(app);

  await registerSwagger(app);
  await registerAuth(app, config);
  await registerRateLimit(app, config, deps.redis);

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(userRoutes, { prefix: '/api/user' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(resellerApiRoutes, { prefix: '/api/v2' });
  await registerBullBoard(app);
  await registerWebPages(app, config);
  return app;
}
