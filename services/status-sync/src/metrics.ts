import type { CallEvent } from '@smm/provider-client';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface StatusSyncMetrics {
  registry: Registry;
  providerCall(providerId: string, event: CallEvent): void;
  ordersSynced: Counter<'provider'>;
  ordersChanged: Counter<'provider' | 'status'>;
  orderErrors: Counter<'provider'>;
  refundsApplied: Counter<'kind'>;
  batches: Counter<'outcome'>;
  repaired: Counter<'action'>;
  /** Owned job schedulers missing from Redis at the last check (0 when all are there). */
  schedulersMissing: Gauge;
  /** Schedulers re-created because Redis had lost them. */
  schedulerRepairs: Counter<'scheduler'>;
}

/**
 * One registry per built service (two instances in one test process must not share counters).
 * `syncLagSeconds` is computed on scrape by the caller-supplied query, so it is never stale.
 */
export function createMetrics(syncLagSeconds: () => Promise<number>): StatusSyncMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const calls = new Counter({
    name: 'provider_calls_total',
    help: 'Calls to provider APIs by provider, action and outcome',
    labelNames: ['provider', 'action', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'provider_call_duration_seconds',
    help: 'Provider API call latency',
    labelNames: ['provider', 'action'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'status_sync_lag_seconds',
    help: 'Age of the oldest order whose status check is due (0 when none is due)',
    registers: [registry],
    async collect() {
      this.set(await syncLagSeconds());
    },
  });

  return {
    registry,
    providerCall(providerId, event) {
      calls.inc({ provider: providerId, action: event.action, outcome: event.outcome });
      latency.observe({ provider: providerId, action: event.action }, event.durationMs / 1000);
    },
    ordersSynced: new Counter({
      name: 'status_sync_orders_synced_total',
      help: 'Orders whose status was asked for and answered',
      labelNames: ['provider'] as const,
      registers: [registry],
    }),
    ordersChanged: new Counter({
      name: 'status_sync_orders_changed_total',
      help: 'Orders whose status changed, by new status',
      labelNames: ['provider', 'status'] as const,
      registers: [registry],
    }),
    orderErrors: new Counter({
      name: 'status_sync_order_errors_total',
      help: 'Per-order errors in provider status replies',
      labelNames: ['provider'] as const,
      registers: [registry],
    }),
    refundsApplied: new Counter({
      name: 'status_sync_refunds_applied_total',
      help: 'Refunds written by the status sync, by kind (partial, canceled)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    batches: new Counter({
      name: 'status_sync_batches_total',
      help: 'sync-batch runs by outcome (ok, provider_error, backoff)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    repaired: new Counter({
      name: 'status_sync_repairs_total',
      help: 'repair-stuck actions (requeued, needs_review)',
      labelNames: ['action'] as const,
      registers: [registry],
    }),
    schedulersMissing: new Gauge({
      name: 'status_sync_schedulers_missing',
      help: 'owned job schedulers missing from Redis at the last check',
      registers: [registry],
    }),
    schedulerRepairs: new Counter({
      name: 'status_sync_scheduler_repairs_total',
      help: 'job schedulers re-created after Redis lost them',
      labelNames: ['scheduler'] as const,
      registers: [registry],
    }),
  };
}
