import { bearerTokenMatches } from '@smm/config';
import type { Logger } from '@smm/logger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Registry } from 'prom-client';

export interface HttpDeps {
  logger: Logger;
  registry: Registry;
  /** Resolves when Postgres and Redis answer; rejects (with a safe message) otherwise. */
  checkReady(): Promise<void>;
  /** When set, /metrics wants `Authorization: Bearer <token>` (METRICS_TOKEN; required in production). */
  metricsToken?: string | undefined;
}

/**
 * The worker's small ops server: liveness, readiness (open: container health checks use them) and
 * Prometheus metrics (behind METRICS_TOKEN when it is set).
 */
export function buildHttp(deps: HttpDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger,
    // Scrapes and probes every few seconds: no request log lines.
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance;
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.checkReady();
      return { status: 'ready' };
    } catch (err) {
      return reply.code(503).send({ status: 'not ready', error: (err as Error).message });
    }
  });
  const token = deps.metricsToken;
  app.get('/metrics', async (req, reply) => {
    if (token && !bearerTokenMatches(req.headers.authorization, token)) {
      return reply.code(401).send({ error: 'metrics token required' });
    }
    reply.header('content-type', deps.registry.contentType);
    return deps.registry.metrics();
  });
  return app;
}
