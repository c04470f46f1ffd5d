import { type CancelRequest, recordCancelRequest } from '@smm/db';
import { enqueue, forwardCancelJobId, type Producer } from '@smm/queue';
import type postgres from 'postgres';
import type { WarnLogger } from './forwarding.ts';

export { CANCEL_REFUSAL, type CancelRefusal, type CancelRequest } from '@smm/db';

/**
 * A customer's cancel: recorded (or, for an order not yet sent, canceled and refunded at once) by
 * the orders module, then the request's `forward-cancel` job. If Redis refuses the job the request
 * stays `pending` (nothing was sent) and status-sync's repair enqueues it later.
 */
export async function requestCancel(
  sql: postgres.Sql,
  producer: Producer,
  log: WarnLogger,
  input: { userId: string; orderId: string },
): Promise<CancelRequest> {
  const result = await recordCancelRequest(sql, input);
  if (result.ok && result.kind === 'requested') {
    try {
      await enqueue(
        producer,
        'forward-cancel',
        { orderId: input.orderId },
        {
          jobId: forwardCancelJobId(input.orderId),
        },
      );
    } catch (err) {
      log.warn({ err, orderId: input.orderId }, 'cancel accepted but not queued (Redis unavailable)');
    }
  }
  return result;
}
