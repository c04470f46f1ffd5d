export { type BatchPlan, type LoadedOrder, planBatch } from './batch-plan.ts';
export { loadConfig, resolveConfig, type StatusSyncConfig, statusSyncEnvSchema } from './config.ts';
export type { RepairResult } from './jobs/repair-stuck.ts';
export type { SyncBatchResult } from './jobs/sync-batch.ts';
export { refillStatusFor, type SyncRefillsResult } from './jobs/sync-refills.ts';
export { BATCH_SIZE, type SweepResult } from './jobs/sync-sweep.ts';
export { MAX_POLL_MS, nextCheckDelayMs, type PollInput, UNCHANGED_DELAYS_MS } from './polling-schedule.ts';
export { upsertSchedulers } from './schedulers.ts';
export { buildStatusSync, type StatusSync, type StatusSyncDeps } from './status-sync.ts';
