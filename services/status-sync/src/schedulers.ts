import { type Queue, RETENTION, SCHEDULER } from '@smm/queue';

export interface SchedulerSettings {
  syncIntervalMs: number;
  repairIntervalMs: number;
}

/**
 * Upserts the job schedulers under their fixed ids. Upserting is idempotent in Redis, so any
 * number of replicas starting any number of times leave exactly one `status-sweep`, one
 * `refill-sync` and one `repair-stuck` schedule (a changed interval replaces the old one).
 */
export async function upsertSchedulers(queue: Queue, s: SchedulerSettings): Promise<void> {
  await queue.upsertJobScheduler(
    SCHEDULER.statusSweep,
    { every: s.syncIntervalMs },
    { name: 'sync-sweep', data: {}, opts: { ...RETENTION, attempts: 1 } },
  );
  // Refills are few and slow: polled at the sweep's pace.
  await queue.upsertJobScheduler(
    SCHEDULER.refillSync,
    { every: s.syncIntervalMs },
    { name: 'sync-refills', data: {}, opts: { ...RETENTION, attempts: 1 } },
  );
  await queue.upsertJobScheduler(
    SCHEDULER.repairStuck,
    { every: s.repairIntervalMs },
    { name: 'repair-stuck', data: {}, opts: { ...RETENTION, attempts: 1 } },
  );
}
