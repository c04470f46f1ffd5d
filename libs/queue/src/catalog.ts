import { idSchema } from '@smm/domain';
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import { QUEUE, type QueueName } from './names.ts';
import { RETENTION } from './retention.ts';

/** A custom BullMQ backoff type: the worker's `settings.backoffStrategy` computes the delay. */
export const PROVIDER_RETRY_BACKOFF = 'provider-retry';

interface JobDefinition {
  queue: QueueName;
  schema: z.ZodType;
  options: JobsOptions;
}

/**
 * The one job catalog: job name → queue, payload schema (ids only) → default options.
 * Producers and workers both import it; `HandlerMap` makes a missing handler a compile error.
 */
export const jobCatalog = {
  'forward-order': {
    queue: QUEUE.orderForward,
    // Ids only. Without `adminForward` the provider and its service number are read from the service
    // row when the order is claimed (never from a stale job); a manual-mode service is never sent.
    // `adminForward` is an admin's explicit forward (the admin route), allowed for manual-mode services.
    schema: z.strictObject({
      orderId: idSchema('order'),
      adminForward: z
        .strictObject({ providerId: idSchema('provider'), actorId: idSchema('user') })
        .optional(),
    }),
    options: {
      ...RETENTION,
      // Only "definitely not sent" outcomes are retried (the processor decides). The consuming worker
      // supplies this strategy: exponential with jitter, never sooner than the provider's Retry-After.
      attempts: 10,
      backoff: { type: PROVIDER_RETRY_BACKOFF, delay: 2_000 },
    },
  },
  // A customer's refill / cancel request, sent upstream once (the same claim-then-call discipline as
  // forward-order). Only "definitely not sent" outcomes are retried.
  'forward-refill': {
    queue: QUEUE.orderForward,
    schema: z.strictObject({ refillId: idSchema('refill') }),
    options: { ...RETENTION, attempts: 6, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 } },
  },
  'forward-cancel': {
    queue: QUEUE.orderForward,
    schema: z.strictObject({ orderId: idSchema('order') }),
    options: { ...RETENTION, attempts: 6, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 } },
  },
  'sync-sweep': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({ force: z.boolean().optional() }),
    options: { ...RETENTION, attempts: 1 },
  },
  'sync-batch': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({
      providerId: idSchema('provider'),
      orderIds: z.array(idSchema('order')).min(1).max(100),
    }),
    options: { ...RETENTION, attempts: 3, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 } },
  },
  'sync-refills': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({}),
    options: { ...RETENTION, attempts: 1 },
  },
  'repair-stuck': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({}),
    options: { ...RETENTION, attempts: 1 },
  },
  // Retention: idempotency keys older than IDEMPOTENCY_RETENTION_MS (scheduler `idempotency-purge`).
  'purge-idempotency-keys': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({}),
    options: { ...RETENTION, attempts: 1 },
  },
} as const satisfies Record<string, JobDefinition>;

export type JobCatalog = typeof jobCatalog;
export type JobName = keyof JobCatalog;
export type JobPayload<N extends JobName> = z.infer<JobCatalog[N]['schema']>;
/** The job names that live on queue Q. */
export type JobsOf<Q extends QueueName> = {
  [N in JobName]: JobCatalog[N]['queue'] extends Q ? N : never;
}[JobName];

export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return jobCatalog[name].schema.parse(data) as JobPayload<N>;
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalog, name);
}
