import { randomBytes } from 'node:crypto';
import { claimDueOrders, databaseNow, dueOrderIds, releaseClaims } from '@smm/db';
import type { Logger } from '@smm/logger';
import type { JobResult } from '@smm/queue';
import { enqueueBulk } from '@smm/queue';
import type { JobContext } from '../context.ts';
import { MAX_POLL_MS } from '../polling-schedule.ts';

export const BATCH_SIZE = 100;
const ENQUEUE_CHUNK = 500;

/** The catalog's result schema for `sync-sweep` (the admin routes read it). */
export type SweepResult = JobResult<'sync-sweep'>;

type BatchJob = { payload: { providerId: string; orderIds: string[] }; opts: { jobId: string } };

/**
 * Selects the due orders, claims them and enqueues one sync-batch per ≤100 orders of a provider.
 *
 * The claim is the whole trick against double polling by replicas: in the statement that selects
 * them (FOR UPDATE SKIP LOCKED), the orders get `sync_claimed_until = now + lease`. A concurrent or
 * later sweep, forced ones included, skips claimed orders — until the batch writes them (and clears
 * the claim), or the lease runs out because the batch was lost (a worker killed between the claim
 * and the enqueue): then the order is due again at its own, untouched next_status_check.
 *
 * The claim goes in chunks (`sweepClaimChunk` orders a statement) and each chunk's full batches are
 * enqueued before the next claim, so the workers poll while the sweep is still claiming: one
 * statement claiming 100k orders kept every worker idle for seconds. A provider's remainder (<100)
 * waits for the next chunk, so a provider still gets ceil(n/100) batches.
 */
export async function runSweep(
  ctx: JobContext,
  opts: { force: boolean; sweepId: string },
  log: Logger,
): Promise<SweepResult> {
  const { sql, settings } = ctx;
  const horizonMs = opts.force ? MAX_POLL_MS : 0;
  const remainder = new Map<string, string[]>();
  const batchJobIds: string[] = [];
  let orders = 0;
  // Each order once per sweep: a batch of an earlier chunk may have written it already.
  const due = { horizonMs, notCheckedSince: await databaseNow(sql) };
  // A run of its own in every batch id: BullMQ runs a stalled sweep job again under the same id, and
  // that run may claim orders whose batches of the first run have completed — the same ids would be
  // skipped as duplicates of those kept jobs, leaving the orders claimed with no batch. Two runs
  // never share an order (the claim), so distinct ids cannot make a second batch of one.
  const runId = `${opts.sweepId}-${randomBytes(3).toString('hex')}`;
  // One read of the list, most overdue first; then claims by primary key, a chunk at a time (one
  // statement re-reading and sorting every due order per chunk made the sweep slower, not faster).
  const candidates = await dueOrderIds(sql, { ...due, limit: settings.sweepMaxOrders });
  for (let at = 0; at < candidates.length; at += settings.sweepClaimChunk) {
    const chunk = candidates.slice(at, at + settings.sweepClaimChunk);
    const done = at + settings.sweepClaimChunk >= candidates.length;
    const claimed = await claimDueOrders(sql, chunk, { ...due, claimMs: settings.leaseMs });
    orders += claimed.length;
    for (const row of claimed) {
      const ids = remainder.get(row.providerId) ?? [];
      ids.push(row.id);
      remainder.set(row.providerId, ids);
    }
    const jobs = cutBatches(remainder, { last: done, runId });
    let sent = 0;
    try {
      for (; sent < jobs.length; sent += ENQUEUE_CHUNK) {
        await enqueueBulk(ctx.producer, 'sync-batch', jobs.slice(sent, sent + ENQUEUE_CHUNK));
      }
    } catch (err) {
      // Without their batches the claimed orders would wait out the whole claim: release what has
      // no batch yet — the piece that failed, the pieces after it and every provider's remainder.
      // Pieces that landed keep their claims: released, a later sweep would poll them a second time.
      await releaseClaims(sql, [
        ...jobs.slice(sent).flatMap((j) => j.payload.orderIds),
        ...[...remainder.values()].flat(),
      ]);
      throw err;
    }
    for (const j of jobs) batchJobIds.push(j.opts.jobId);
  }
  if (orders > 0) log.info({ orders, batches: batchJobIds.length }, 'sweep enqueued');
  return { batches: batchJobIds.length, orders, batchJobIds };
}

/**
 * Takes every full batch (and, after the last chunk, every remainder) out of `remainder`, which keeps
 * each provider's leftover (<100) for the next chunk.
 */
function cutBatches(remainder: Map<string, string[]>, opts: { last: boolean; runId: string }): BatchJob[] {
  const jobs: BatchJob[] = [];
  for (const [providerId, ids] of remainder) {
    // By id, which follows the table's physical order: a batch of neighbours writes a few heap
    // pages, one of orders spread over the table writes a page (and after a checkpoint a
    // full-page image) per order. Due order is kept between chunks, not inside one.
    ids.sort();
    const full = opts.last ? ids.length : ids.length - (ids.length % BATCH_SIZE);
    for (let i = 0; i < full; i += BATCH_SIZE) {
      const orderIds = ids.slice(i, Math.min(i + BATCH_SIZE, full));
      // Unique within the run: an order is in one batch.
      jobs.push({
        payload: { providerId, orderIds },
        opts: { jobId: `sb-${opts.runId}-${providerId}-${orderIds[0]}` },
      });
    }
    if (full === ids.length) remainder.delete(providerId);
    else remainder.set(providerId, ids.slice(full));
  }
  return jobs;
}

/** BullMQ refuses ':' in custom job ids; scheduler-made ids (`repeat:…:ts`) contain it. */
export function sweepIdFor(jobId: string | undefined, timestamp: number): string {
  return (jobId ?? `t${timestamp}`).replace(/[^A-Za-z0-9_-]/g, '_');
}
