import type { Logger } from '@smm/logger';
import { enqueueBulk } from '@smm/queue';
import type { JobContext } from '../context.ts';
import { MAX_POLL_MS } from '../polling-schedule.ts';

export const BATCH_SIZE = 100;
const ENQUEUE_CHUNK = 500;

export interface SweepResult {
  /** sync-batch jobs enqueued by this sweep. */
  batches: number;
  /** Orders claimed by this sweep (each in exactly one batch). */
  orders: number;
  /** The batch job ids, so a caller (the admin forced sync) can wait for each one's result. */
  batchJobIds: string[];
}

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
  const claimMs = settings.leaseMs;
  const claimed = await sql<{ id: string; providerId: string }[]>`
    with due as (
      select o.id
      from orders o
      join api_providers p on p.id = o.provider_id
      where o.status in ('processing', 'in_progress')
        and o.provider_order_id is not null
        and (o.next_status_check is null
             or o.next_status_check <= now() + ${horizonMs} * interval '1 millisecond')
        and (o.sync_claimed_until is null or o.sync_claimed_until <= now())
        and (p.sync_backoff_until is null or p.sync_backoff_until <= now())
      order by o.next_status_check nulls first
      limit ${settings.sweepMaxOrders}
      for update of o skip locked
    )
    update orders o
    set sync_claimed_until = now() + ${claimMs} * interval '1 millisecond'
    from due
    where o.id = due.id
    returning o.id, o.provider_id as "providerId"`;

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
    await sql`
      update orders set sync_claimed_until = null
      where id in (select jsonb_array_elements_text(${JSON.stringify(claimed.map((c) => c.id))}::jsonb))
        and status in ('processing', 'in_progress')`;
    throw err;
  }
  log.info({ orders: claimed.length, batches: jobs.length, providers: byProvider.size }, 'sweep enqueued');
  return { batches: jobs.length, orders: claimed.length, batchJobIds: jobs.map((j) => j.opts.jobId) };
}

/** BullMQ refuses ':' in custom job ids; scheduler-made ids (`repeat:…:ts`) contain it. */
export function sweepIdFor(jobId: string | undefined, timestamp: number): string {
  return (jobId ?? `t${timestamp}`).replace(/[^A-Za-z0-9_-]/g, '_');
}
