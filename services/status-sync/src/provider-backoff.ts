import { rescheduleOrders } from '@smm/db';
import { providerBackoffMs } from '@smm/queue';
import type postgres from 'postgres';

/**
 * A provider-wide failure (HTML page, timeout, 5xx, bad key) backs that provider off for
 * `providerBackoffMs` (the retry policy in @smm/queue: base × 2^failures, capped, at least its Retry-After),
 * and the batch's orders wait until then. Other providers are untouched.
 */
export async function backOffProvider(
  sql: postgres.Sql,
  input: {
    providerId: string;
    orderIds: string[];
    message: string;
    baseMs: number;
    maxMs: number;
    retryAfterMs?: number | undefined;
  },
): Promise<string> {
  return sql.begin(async (tx) => {
    // Locked, so two failing batches of one provider count two failures, not one.
    const [row] = await tx<{ failures: number }[]>`
      select sync_failures as failures from api_providers where id = ${input.providerId} for update`;
    const delayMs = providerBackoffMs(row?.failures ?? 0, input.baseMs, input.maxMs, input.retryAfterMs);
    const [p] = await tx<{ until: string }[]>`
      update api_providers set
        sync_failures = sync_failures + 1,
        sync_backoff_until = now() + ${delayMs}::float8 * interval '1 millisecond',
        updated_at = now()
      where id = ${input.providerId}
      returning to_char(sync_backoff_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as until`;
    const until = p?.until ?? new Date(Date.now() + delayMs).toISOString();
    await rescheduleOrders(tx, input.orderIds, until, input.message);
    return until;
  });
}

export { rescheduleOrders };

/** A successful call ends the backoff; writes only when there was one. */
export async function resetProviderBackoff(sql: postgres.Sql, providerId: string): Promise<void> {
  await sql`
    update api_providers set sync_failures = 0, sync_backoff_until = null, updated_at = now()
    where id = ${providerId} and (sync_failures > 0 or sync_backoff_until is not null)`;
}
