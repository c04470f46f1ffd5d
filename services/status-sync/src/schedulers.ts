import { type Queue, RETENTION, SCHEDULER } from '@smm/queue';

export interface SchedulerSettings {
  syncIntervalMs: number;
  repairIntervalMs: number;
  idempotencyPurgeIntervalMs: number;
}

/** Every job scheduler status-sync owns: id → interval and the job it makes. */
function schedules(s: SchedulerSettings) {
  return [
    { id: SCHEDULER.statusSweep, every: s.syncIntervalMs, name: 'sync-sweep' },
    // Refills are few and slow: polled at the sweep's pace.
    { id: SCHEDULER.refillSync, every: s.syncIntervalMs, name: 'sync-refills' },
    { id: SCHEDULER.repairStuck, every: s.repairIntervalMs, name: 'repair-stuck' },
    { id: SCHEDULER.idempotencyPurge, every: s.idempotencyPurgeIntervalMs, name: 'purge-idempotency-keys' },
  ] as const;
}

export const OWNED_SCHEDULERS: readonly string[] = [
  SCHEDULER.statusSweep,
  SCHEDULER.refillSync,
  SCHEDULER.repairStuck,
  SCHEDULER.idempotencyPurge,
];

/**
 * Upserts the job schedulers under their fixed ids. Upserting is idempotent in Redis, so any
 * number of replicas starting (or re-asserting) any number of times leave exactly one of each
 * (a changed interval replaces the old one).
 */
export async function upsertSchedulers(queue: Queue, s: SchedulerSettings): Promise<void> {
  for (const x of schedules(s)) {
    await queue.upsertJobScheduler(
      x.id,
      { every: x.every },
      { name: x.name, data: {}, opts: { ...RETENTION, attempts: 1 } },
    );
  }
}

/** The owned schedulers Redis does not hold right now. */
export async function missingSchedulers(queue: Queue): Promise<string[]> {
  const present = new Set((await queue.getJobSchedulers(0, -1)).map((j) => j.key));
  return OWNED_SCHEDULERS.filter((id) => !present.has(id));
}
