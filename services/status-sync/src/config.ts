import {
  clusterHashTags,
  parseEnv,
  productionSecrets,
  resolveServiceBase,
  type ServiceBase,
  serviceEnv,
} from '@smm/config';
import { DEFAULT_TIMEOUTS } from '@smm/provider-client';
import { z } from 'zod';

const ms = (def: number, min = 1) => z.coerce.number().int().min(min).default(def);

export const statusSyncEnvSchema = z
  .object({
    ...serviceEnv(3002),
    SYNC_INTERVAL_MS: ms(60_000, 1_000),
    REPAIR_INTERVAL_MS: ms(30_000, 1_000),
    SYNC_CONCURRENCY: z.coerce.number().int().positive().max(200).default(5),
    /** Most orders one sweep claims; the rest wait for the next sweep. */
    SYNC_SWEEP_MAX_ORDERS: z.coerce.number().int().positive().default(200_000),
    /** Orders one claim statement takes: the first batches run while the sweep claims the rest. */
    SYNC_SWEEP_CLAIM_CHUNK: z.coerce.number().int().positive().default(5_000),
    /** How long a sweep's claim keeps other sweeps off an order whose batch has not run yet. */
    SYNC_LEASE_MS: ms(10 * 60_000, 1_000),
    PROVIDER_BACKOFF_BASE_MS: ms(30_000),
    PROVIDER_BACKOFF_MAX_MS: ms(30 * 60_000),
    /** A `submitting` order older than this lost its worker mid-call (2 × the forwarder's add timeout). */
    SUBMITTING_STALE_MS: ms(120_000, 1_000),
    /** A `pending` auto order younger than this is still the gateway's/forwarder's business. */
    PENDING_GRACE_MS: ms(30_000, 0),
    REPAIR_BATCH_LIMIT: z.coerce.number().int().positive().default(500),
    ALLOW_INSECURE_PROVIDER_URLS: z.stringbool().optional(),
    SHUTDOWN_TIMEOUT_MS: ms(10_000),
    SYNC_POLL_SCALE: z.coerce.number().positive().max(10).default(1),
    /** Per-order errors in a row (e.g. "Incorrect order ID") before an order goes to needs_review. */
    /** How often the job schedulers are checked (and re-created if Redis lost them). */
    SCHEDULER_CHECK_MS: ms(15_000, 100),
    IDEMPOTENCY_RETENTION_MS: ms(7 * 24 * 3600_000, 1_000),
    IDEMPOTENCY_PURGE_INTERVAL_MS: ms(3600_000, 1_000),
    SYNC_MAX_ORDER_ERRORS: z.coerce.number().int().min(1).max(1000).default(12),
    /** The forwarder's whole-request timeout for a provider call: SUBMITTING_STALE_MS must outlast it. */
    PROVIDER_REQUEST_TIMEOUT_MS: ms(DEFAULT_TIMEOUTS.request),
  })
  // Production: a real SECRETS_KEY, and the ops port's /metrics behind METRICS_TOKEN (libs/config).
  .superRefine(productionSecrets({ required: ['SECRETS_KEY', 'METRICS_TOKEN'] }))
  // On a Redis Cluster the queue keys need a hash tag (libs/config redis-cluster.ts).
  .superRefine(clusterHashTags(['BULL_PREFIX']))
  .superRefine((env, ctx) => {
    // A submitting order is only "stale" (its worker dead) once its add call could no longer be
    // running: below the forwarder's request timeout plus a margin, repair would send live calls to review.
    const floor = env.PROVIDER_REQUEST_TIMEOUT_MS + SUBMITTING_MARGIN_MS;
    if (env.SUBMITTING_STALE_MS < floor) {
      ctx.addIssue({
        code: 'custom',
        path: ['SUBMITTING_STALE_MS'],
        message: `must be at least PROVIDER_REQUEST_TIMEOUT_MS + ${SUBMITTING_MARGIN_MS} ms (${floor}): a slower provider call would be sent to review while still running`,
      });
    }
  });

/** How much longer than the forwarder's request timeout a submitting order is given before review. */
export const SUBMITTING_MARGIN_MS = 2_000;

export type StatusSyncEnv = z.infer<typeof statusSyncEnvSchema>;

/** Resolved settings: nothing optional left, nothing read from process.env. */
export interface StatusSyncConfig extends ServiceBase {
  syncIntervalMs: number;
  repairIntervalMs: number;
  syncConcurrency: number;
  sweepMaxOrders: number;
  sweepClaimChunk: number;
  leaseMs: number;
  providerBackoff: { baseMs: number; maxMs: number };
  submittingStaleMs: number;
  pendingGraceMs: number;
  repairBatchLimit: number;
  allowInsecureProviderUrls: boolean;
  shutdownTimeoutMs: number;
  pollScale: number;
  maxOrderErrors: number;
  schedulerCheckMs: number;
  idempotencyRetentionMs: number;
  idempotencyPurgeIntervalMs: number;
}

export function resolveConfig(env: StatusSyncEnv): StatusSyncConfig {
  return {
    ...resolveServiceBase(env, 'status-sync'),
    syncIntervalMs: env.SYNC_INTERVAL_MS,
    repairIntervalMs: env.REPAIR_INTERVAL_MS,
    syncConcurrency: env.SYNC_CONCURRENCY,
    sweepMaxOrders: env.SYNC_SWEEP_MAX_ORDERS,
    sweepClaimChunk: env.SYNC_SWEEP_CLAIM_CHUNK,
    leaseMs: env.SYNC_LEASE_MS,
    providerBackoff: { baseMs: env.PROVIDER_BACKOFF_BASE_MS, maxMs: env.PROVIDER_BACKOFF_MAX_MS },
    submittingStaleMs: env.SUBMITTING_STALE_MS,
    pendingGraceMs: env.PENDING_GRACE_MS,
    repairBatchLimit: env.REPAIR_BATCH_LIMIT,
    allowInsecureProviderUrls: env.ALLOW_INSECURE_PROVIDER_URLS ?? env.NODE_ENV !== 'production',
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    pollScale: env.SYNC_POLL_SCALE,
    maxOrderErrors: env.SYNC_MAX_ORDER_ERRORS,
    schedulerCheckMs: env.SCHEDULER_CHECK_MS,
    idempotencyRetentionMs: env.IDEMPOTENCY_RETENTION_MS,
    idempotencyPurgeIntervalMs: env.IDEMPOTENCY_PURGE_INTERVAL_MS,
  };
}

/** Parses an env object (process.env in main.ts, a literal in tests) into the service's config. */
export function loadConfig(env: Record<string, string | undefined>): StatusSyncConfig {
  return resolveConfig(parseEnv('status-sync', statusSyncEnvSchema, env));
}
