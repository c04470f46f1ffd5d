import { bearerTokenMatches } from '@smm/config';
import type { CallEvent } from '@smm/provider-client';
import { QUEUE_NAMES } from '@smm/queue';
import type { JobType } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayDeps } from '../deps.ts';
import { unauthorized } from '../errors.ts';

const JOB_STATES: JobType[] = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'failed',
  'completed',
];
const SCRAPE_PROBE_TIMEOUT_MS = 1_000;

/** The gateway's Prometheus metrics; one registry per instance, so two gateways in a test never share. */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly ordersCreated: Counter<'service'>;
  readonly providerCalls: Counter<'provider' | 'action' | 'outcome'>;
  readonly providerCallDuration: Histogram<'provider' | 'action'>;

  constructor(deps: Pick<GatewayDeps, 'db' | 'producer'>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route pattern, method and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.ordersCreated = new Counter({
      name: 'orders_created_total',
      help: 'Orders accepted and charged, by service',
      labelNames: ['service'],
      registers,
    });
    this.providerCalls = new Counter({
      name: 'provider_calls_total',
      help: 'Provider API calls made by the gateway (admin check/import/cancel), by outcome',
      labelNames: ['provider', 'action', 'outcome'],
      registers,
    });
    this.providerCallDuration = new Histogram({
      name: 'provider_call_duration_seconds',
      help: 'Provider API call latency',
      labelNames: ['provider', 'action'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state (read on scrape; absent while Redis is down)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        if (!deps.producer.ready) return;
        await Promise.all(
          QUEUE_NAMES.map(async (name) => {
            try {
              const counts = await withTimeout(deps.producer.queue(name).getJobCounts(...JOB_STATES));
              for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
            } catch {
              // Redis down or slow: the scrape still answers, without this queue's numbers.
            }
          }),
        );
      },
    });
    new Gauge({
      name: 'status_sync_lag_seconds',
      help: 'Age of the oldest due status check of an order at a provider (0 when none is due)',
      registers,
      async collect() {
        try {
          const [row] = await withTimeout(
            deps.db.sql<{ lag: number | null }[]>`
              select extract(epoch from now() - min(next_status_check))::float8 as lag
              from orders
              where status in ('processing', 'in_progress') and next_status_check <= now()`,
          );
          this.set(Math.max(0, row?.lag ?? 0));
        } catch {
          // Postgres down: keep the last value rather than fail the scrape.
        }
      },
    });
  }

  /** For ProviderClient's onCall. */
  providerCall(providerId: string): (e: CallEvent) => void {
    return (e) => {
      this.providerCalls.inc({ provider: providerId, action: e.action, outcome: e.outcome });
      this.providerCallDuration.observe({ provider: providerId, action: e.action }, e.durationMs / 1000);
    };
  }

  countOrders(lines: Array<{ serviceId: string }>): void {
    for (const l of lines) this.ordersCreated.inc({ service: l.serviceId });
  }
}

async function withTimeout<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('metrics probe timeout')), SCRAPE_PROBE_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: GatewayMetrics;
  }
}

/**
 * architecture.md#operations metrics. Latency is labelled by the route pattern (never the raw URL, which would explode the
 * label set with ids). /metrics wants `Authorization: Bearer <METRICS_TOKEN>`; production refuses to
 * start without the token (config.ts), so only development and tests ever serve it open.
 */
export function registerMetrics(app: FastifyInstance, deps: GatewayDeps): void {
  const metrics = new GatewayMetrics(deps);
  app.decorate('metrics', metrics);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const token = deps.config.metricsToken;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token && !bearerTokenMatches(request.headers.authorization, token))
      throw unauthorized('metrics token required');
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
