import { type RefillRequest, recordRefillRequest } from '@smm/db';
import { enqueue, forwardRefillJobId, type Producer } from '@smm/queue';
import type postgres from 'postgres';
import type { WarnLogger } from './forwarding.ts';

export { REFILL_REFUSAL, type RefillRefusal, type RefillRequest } from '@smm/db';

/**
 * A customer's refill of one of their orders: recorded by the orders module (one open refill per
 * order), then its `forward-refill` job. If Redis refuses the job the refill stays `pending`
 * (nothing was sent) and says so in the log; status-sync's repair enqueues it later.
 */
export async function requestRefill(
  sql: postgres.Sql,
  producer: Producer,
  log: WarnLogger,
  input: { userId: string; orderId: string },
): Promise<RefillRequest> {
  const result = await recordRefillRequest(sql, input);
  if (result.ok) {
    try {
      await enqueue(
        producer,
        'forward-refill',
        { refillId: result.refillId },
        {
          jobId: forwardRefillJobId(result.refillId),
        },
      );
    } catch (err) {
      log.warn({ err, refillId: result.refillId }, 'refill accepted but not queued (Redis unavailable)');
    }
  }
  return result;
}

/** architecture.md#reseller-api refill words: ours → what a reseller panel's client reads. */
export function refillWord(status: string): string {
  switch (status) {
    case 'processing':
      return 'In progress';
    case 'completed':
      return 'Completed';
    case 'rejected':
      return 'Rejected';
    default:
      return 'Pending';
  }
}
