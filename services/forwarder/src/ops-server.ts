import { bearerTokenMatches } from '@smm/config';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

export interface OpsServerDeps {
  registry: Registry;
  /** Each check resolves when its dependency answers. */
  checks: Record<string, () => Promise<unknown>>;
  checkTimeoutMs?: number;
  /** When set, /metrics wants `Authorization: Bearer <token>` (METRICS_TOKEN; required in production). */
  metricsToken?: string | undefined;
}

/**
 * /healthz (process up), /readyz (Postgres and Redis answer), /metrics — on the worker's own port.
 * The probes stay open (container health checks); the metrics want METRICS_TOKEN when it is set.
 */
export function buildOpsServer(deps: OpsServerDeps): FastifyInstance {
  const app = Fastify({ logger: false });
  const timeoutMs = deps.checkTimeoutMs ?? 2_000;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => {
        results[name] = await withTimeout(check(), timeoutMs).then(
          () => 'ok',
          (err: unknown) => (err instanceof Error ? err.message : 'failed'),
        );
      }),
    );
    const ready = Object.values(results).every((r) => r === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks: results });
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

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
