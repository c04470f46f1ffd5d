import type { Logger } from '@smm/logger';
import type { Producer } from '@smm/queue';
import type postgres from 'postgres';
import type { StatusSyncMetrics } from './metrics.ts';
import type { SyncProviders } from './sync-providers.ts';

/** The settings the job handlers work from (a subset of StatusSyncConfig, so tests can build one). */
export interface JobSettings {
  sweepMaxOrders: number;
  /** Orders per claim statement within one sweep. */
  sweepClaimChunk: number;
  leaseMs: number;
  providerBackoff: { baseMs: number; maxMs: number };
  submittingStaleMs: number;
  pendingGraceMs: number;
  repairBatchLimit: number;
  /** Multiplies every adaptive polling delay (1 in production; small in demos and end-to-end tests). */
  pollScale?: number;
  /** Per-order errors in a row before an order goes to needs_review. */
  maxOrderErrors: number;
  /** How long an Idempotency-Key is kept. */
  idempotencyRetentionMs: number;
}

/** What every job handler needs; built once per service instance. */
export interface JobContext {
  sql: postgres.Sql;
  producer: Producer;
  logger: Logger;
  metrics: StatusSyncMetrics;
  providers: SyncProviders;
  settings: JobSettings;
}
