import { claimDueOrders, releaseClaims } from '@smm/db';
import type { Logger } from '@smm/logger';
import type { JobResult } from '@smm/queue';
import { enqueueBulk } from '@smm/queue';
import type { JobContext } from '../context.ts';
import { MAX_POLL_MS } from '../polling-schedule.ts';

export const BATCH_SIZE = 100;
const ENQUEUE_CHUNK = 500;

/** The catalog's result schema for `sync-sweep` (the admin routes read it). */
export type SweepResult = JobResult<'sync-sweep'>;

/**
 * Selects the due orders, claims them and enqueues one sync-batch per ≤100 orders of a provider.
 *
 * The claim is the whole trick against double polling by replicas: in the statement that selects
 * them (FOR UPDATE SKIP LOCKED), the orders get `sync_claimed_until = now + lease`. A concurrent or
 * later sweep, forced ones included, skips claimed orders — until the batch writes them (and clears
 * the claim), or the lease runs out because the batch was lost (a worker killed between the claim
 * and the enqueue): then the order is due again at its own, untouched next_status_check.
 */
export async function runSweep(
  ctx: JobContext,
  opts: { force: boolean; sweepId: string },
  log: Logger,
): Promise<SweepResult> {
  const { sql, settings } = ctx;
  const horizonMs = opts.force ? MAX_POLL_MS : 0;
  const claimed = await claimDueOrders(sql, {
    horizonMs,
    claimMs: settings.leaseMs,
    limit: settings.sweepMaxOrders,
  });

  if (claimed.length === 0) return { batches: 0, orders: 0, batchJobIds: [] };

  const byProvider = new Map<string, string[]>();
  for (const row of claimed) {
    const ids = byProvider.get(row.providerId) ?? [];
    ids.push(row.id);
    byProvider.set(row.providerId, ids);
  }
  const jobs: Array<{ payload: { providerId: string; orderIds: string[] }; opts: { jobId: string } }> = [];
  for (const [providerId, ids] of [...byProvider].sort(([a], [b]) => a.localeCompare(b))) {
    ids.sort();
    for (let i = 0; i < ids.length; i += BATCH_SIZE) {
      jobs.push({
        payload: { providerId, orderIds: ids.slice(i, i + BATCH_SIZE) },
        // Deterministic: re-running this sweep job (a retry) cannot enqueue a second copy of a batch.
        opts: { jobId: `sb-${opts.sweepId}-${providerId}-${i / BATCH_SIZE}` },
      });
    }
  }

  try {
    for (let i = 0; i < jobs.length; i += ENQUEUE_CHUNK) {
      await enqueueBulk(ctx.producer, 'sync-batch', jobs.slice(i, i + ENQUEUE_CHUNK));
    }
  } catch (err) {
    // Without their batches the claimed orders would wait out the whole claim: release it.
    await releaseClaims(
      sql,
      claimed.map((c) => c.id),
    );
    throw err;
  }
  log.info({ orders: claimed.length, batches: jobs.length, providers: byProvider.size }, 'sweep enqueued');
  return { batches: jobs.length, orders: claimed.length, batchJobIds: jobs.map((j) => j.opts.jobId) };
}

/** BullMQ refuses ':' in custom job ids; scheduler-made ids (`repeat:…:ts`) contain it. */
export function sweepIdFor(jobId: string | undefined, timestamp: number): string {
  return (jobId ?? `t${timestamp}`).replace(/[^A-Za-z0-9_-]/g, '_');
}
