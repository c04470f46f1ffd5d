import type { Logger } from '@smm/logger';
import type { JobResult } from '@smm/queue';
import type { JobContext } from '../context.ts';

/** The catalog's result schema for `purge-idempotency-keys` (the admin routes read it). */
export type PurgeResult = JobResult<'purge-idempotency-keys'>;

const CHUNK = 5_000;

/**
 * Retention: an Idempotency-Key protects a client's retry for a few days, not forever. Keys older
 * than `idempotencyRetentionMs` go, in chunks so a large backlog never holds a long lock.
 */
export async function runPurgeIdempotency(ctx: JobContext, log: Logger): Promise<PurgeResult> {
  let deleted = 0;
  for (;;) {
    const rows = await ctx.sql`
      delete from idempotency_keys
      where ctid in (
        select ctid from idempotency_keys
        where created_at < now() - ${ctx.settings.idempotencyRetentionMs} * interval '1 millisecond'
        limit ${CHUNK})
      returning 1`;
    deleted += rows.length;
    if (rows.length < CHUNK) break;
  }
  if (deleted > 0) log.info({ deleted }, 'old idempotency keys purged');
  ctx.metrics.repaired.inc({ action: 'idempotency_keys_purged' }, deleted);
  return { deleted };
}
