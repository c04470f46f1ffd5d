import { idSchema, ORDER_STATUSES } from '@smm/domain';
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import { QUEUE, type QueueName } from './names.ts';
import { RETENTION } from './retention.ts';

import { PROVIDER_RETRY_BACKOFF } from './retry.ts';

interface JobDefinition {
  queue: QueueName;
  schema: z.ZodType;
  /** What the job returns (BullMQ keeps it): whoever waits for the job — the gateway — reads this. */
  result: z.ZodType;
  options: JobsOptions;
}

const perOrderErrors = z.array(z.object({ orderId: z.string(), message: z.string() }));
const requestRepair = z.object({ requeued: z.number(), live: z.number(), needsReview: z.number() });

/** Results, as the consumers return them and the gateway's admin routes read them. */
const results = {
  forwardOrder: z.object({
    status: z.enum(ORDER_STATUSES as [string, ...string[]]),
    providerOrderId: z.string().optional(),
    /** Why the order is not (yet) at the provider: the provider's own message when it sent one. */
    error: z.string().optional(),
    /** When a waiting order will be tried again, ISO time. */
    retryAt: z.string().optional(),
    /** On a hard refusal: the amount given back. */
    refunded: z.string().optional(),
  }),
  forwardRefill: z.object({
    status: z.string(),
    providerRefillId: z.string().optional(),
    error: z.string().optional(),
  }),
  forwardCancel: z.object({ cancelStatus: z.string().nullable(), error: z.string().optional() }),
  syncSweep: z.object({
    /** sync-batch jobs enqueued by this sweep. */
    batches: z.number(),
    /** Orders claimed by this sweep (each in exactly one batch). */
    orders: z.number(),
    /** The batch job ids, so a caller (the admin forced sync) can wait for each one's result. */
    batchJobIds: z.array(z.string()),
  }),
  syncBatch: z.object({
    /** Orders the provider answered for (an error entry for an order counts as answered, not synced). */
    synced: z.number(),
    /** Orders whose status changed. */
    changed: z.number(),
    /** Per-order problems, and for a provider-wide failure one entry per order of the batch. */
    errors: perOrderErrors,
    /** Set when the whole call failed or was not made because the provider is backed off. */
    providerError: z.object({ kind: z.string(), message: z.string(), backoffUntil: z.string() }).optional(),
  }),
  syncRefills: z.object({
    checked: z.number(),
    changed: z.number(),
    errors: z.array(z.object({ refillId: z.string(), message: z.string() })),
  }),
  repairStuck: z.object({
    /** Pending auto orders that had no live forward job and got one (next round). */
    requeued: z.number(),
    /** Pending auto orders past the grace period whose current job is still live. */
    live: z.number(),
    /** `submitting` orders whose worker died mid-call, moved to needs_review. */
    needsReview: z.number(),
    /** The same for customers' refill and cancel requests (their forward-refill / forward-cancel jobs). */
    refills: requestRepair,
    cancels: requestRepair,
  }),
  purge: z.object({ deleted: z.number() }),
};

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
    result: results.forwardOrder,
    options: {
      ...RETENTION,
      // Only "definitely not sent" outcomes are retried (the processor decides). The consuming worker
      // supplies this strategy (`providerRetryBackoff`): exponential from `delay` (the forwarder's
      // default FORWARD_BACKOFF_BASE_MS) with jitter, never sooner than the provider's Retry-After.
      attempts: 10,
      backoff: { type: PROVIDER_RETRY_BACKOFF, delay: 2_000 },
    },
  },
  // A customer's refill / cancel request, sent upstream once (the same claim-then-call discipline as
  // forward-order). Only "definitely not sent" outcomes are retried.
  'forward-refill': {
    queue: QUEUE.orderForward,
    schema: z.strictObject({ refillId: idSchema('refill') }),
    result: results.forwardRefill,
    options: { ...RETENTION, attempts: 6, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 } },
  },
  'forward-cancel': {
    queue: QUEUE.orderForward,
    schema: z.strictObject({ orderId: idSchema('order') }),
    result: results.forwardCancel,
    options: { ...RETENTION, attempts: 6, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 } },
  },
  'sync-sweep': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({ force: z.boolean().optional() }),
    result: results.syncSweep,
    options: { ...RETENTION, attempts: 1 },
  },
  'sync-batch': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({
      providerId: idSchema('provider'),
      orderIds: z.array(idSchema('order')).min(1).max(100),
    }),
    result: results.syncBatch,
    options: { ...RETENTION, attempts: 3, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 } },
  },
  'sync-refills': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({}),
    result: results.syncRefills,
    options: { ...RETENTION, attempts: 1 },
  },
  'repair-stuck': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({}),
    result: results.repairStuck,
    options: { ...RETENTION, attempts: 1 },
  },
  // Retention: idempotency keys older than IDEMPOTENCY_RETENTION_MS (scheduler `idempotency-purge`).
  'purge-idempotency-keys': {
    queue: QUEUE.statusSync,
    schema: z.strictObject({}),
    result: results.purge,
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

export type JobResult<N extends JobName> = z.infer<JobCatalog[N]['result']>;

/** A finished job's return value, checked against the catalog (a stale or foreign job is refused). */
export function parseResult<N extends JobName>(name: N, value: unknown): JobResult<N> {
  return jobCatalog[name].result.parse(value) as JobResult<N>;
}

export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return jobCatalog[name].schema.parse(data) as JobPayload<N>;
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalog, name);
}
