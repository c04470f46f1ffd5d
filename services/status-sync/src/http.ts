import type { Logger } from '@smm/logger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Registry } from 'prom-client';

export interface HttpDeps {
  logger: Logger;
  registry: Registry;
  /** Resolves when Postgres and Redis answer; rejects (with a safe message) otherwise. */
  checkReady(): Promise<void>;
}

/** The worker's small ops server: liveness, readiness, Prometheus metrics. */
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
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', deps.registry.contentType);
    return deps.registry.metrics();
  });
  return app;
}
