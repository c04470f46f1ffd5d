import { bearerTokenMatches } from '@smm/config';
import type { Logger } from '@smm/logger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Registry } from 'prom-client';

export interface OpsServerOptions {
  registry: Registry;
  /** Each check resolves when its dependency answers; a rejection's message says why not. Run in parallel. */
  checks: Record<string, () => Promise<unknown>>;
  /** A check that has not answered by then counts as failed (default 2 s). */
  checkTimeoutMs?: number;
  /** When set, /metrics wants `Authorization: Bearer <token>` (METRICS_TOKEN; required in production). */
  metricsToken?: string | undefined;
  /** Errors are logged with it (never a line per request: probes and scrapes come every few seconds). */
  logger?: Logger;
}

/**
 * A worker's ops endpoint on its own port: /healthz (the process is up), /readyz (every check
 * answers: 200 `{status: 'ready', checks}`, else 503 `{status: 'unavailable', checks, error}` with the
 * first failure) and /metrics. The probes stay open (container health checks); the metrics want
 * METRICS_TOKEN when it is set.
 */
export function buildOpsServer(opts: OpsServerOptions): FastifyInstance {
  const app = (opts.logger
    ? Fastify({
        loggerInstance: opts.logger,
        logController: new LogController({ disableRequestLogging: true }),
      })
    : Fastify({ logger: false })) as unknown as FastifyInstance;
  const timeoutMs = opts.checkTimeoutMs ?? 2_000;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    const names = Object.keys(opts.checks);
    const outcomes = await Promise.all(
      names.map((name) =>
        withTimeout(Promise.resolve().then(opts.checks[name]!), timeoutMs).then(
          () => 'ok',
          (err: unknown) => (err instanceof Error ? err.message : 'failed'),
        ),
      ),
    );
    const checks = Object.fromEntries(names.map((name, i) => [name, outcomes[i]!]));
    const error = outcomes.find((o) => o !== 'ok');
    if (error === undefined) return { status: 'ready', checks };
    return reply.code(503).send({ status: 'unavailable', checks, error });
  });

  const token = opts.metricsToken;
  app.get('/metrics', async (req, reply) => {
    if (token && !bearerTokenMatches(req.headers.authorization, token)) {
      return reply.code(401).send({ error: 'metrics token required' });
    }
    reply.header('content-type', opts.registry.contentType);
    return opts.registry.metrics();
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

/** The port a listening Fastify server got (PORT 0 in tests picks one). */
export function listeningPort(app: FastifyInstance, fallback: number): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : fallback;
}
