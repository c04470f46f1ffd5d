import type { CallEvent } from '@smm/provider-client';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export const JOB_OUTCOMES = [
  'forwarded',
  'not_pending',
  'retry',
  'soft_rejected',
  'hard_rejected',
  'needs_review',
  'waiting',
  'limited',
  'breaker_open',
  'error',
] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

/** The forwarder's Prometheus metrics, on a registry of its own so several forwarders can share a process. */
export class ForwarderMetrics {
  readonly registry: Registry;
  readonly jobs: Counter<'outcome'>;
  readonly providerCalls: Counter<'provider' | 'action' | 'outcome'>;
  readonly providerLatency: Histogram<'provider' | 'action' | 'outcome'>;
  readonly inFlight: Gauge;

  constructor(registry: Registry = new Registry()) {
    this.registry = registry;
    this.jobs = new Counter({
      name: 'forwarder_jobs_total',
      help: 'forward-order jobs processed, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.providerCalls = new Counter({
      name: 'provider_calls_total',
      help: 'Provider API calls by provider, action and outcome',
      labelNames: ['provider', 'action', 'outcome'],
      registers: [registry],
    });
    this.providerLatency = new Histogram({
      name: 'provider_call_duration_seconds',
      help: 'Provider API call latency',
      labelNames: ['provider', 'action', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    this.inFlight = new Gauge({
      name: 'forwarder_jobs_in_flight',
      help: 'forward-order jobs being processed now',
      registers: [registry],
    });
  }

  job(outcome: JobOutcome): void {
    this.jobs.labels(outcome).inc();
  }

  onCall(providerId: string): (e: CallEvent) => void {
    // Labelled children resolved once per action/outcome: hashing label objects on every call shows up
    // in profiles at a thousand calls a second.
    const children = new Map<
      string,
      { calls: Counter.Internal; latency: Histogram.Internal<'provider' | 'action' | 'outcome'> }
    >();
    return (e) => {
      const key = `${e.action}\0${e.outcome}`;
      let child = children.get(key);
      if (!child) {
        const labels = { provider: providerId, action: e.action, outcome: e.outcome };
        child = { calls: this.providerCalls.labels(labels), latency: this.providerLatency.labels(labels) };
        children.set(key, child);
      }
      child.calls.inc();
      child.latency.observe(e.durationMs / 1000);
    };
  }
}
