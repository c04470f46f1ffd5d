import { newId } from '@smm/domain';
import { enqueue, forwardRefillJobId, type Producer } from '@smm/queue';
import type postgres from 'postgres';
import type { WarnLogger } from './forwarding.ts';

/** Why a refill was not accepted; the v2 API and the customer route each word it their way. */
export const REFILL_REFUSAL = {
  notFound: 'Incorrect order ID',
  disabled: 'Refill is disabled for this service',
  notCompleted: 'Order is not completed yet',
  open: 'Refill is already requested for this order',
} as const;
export type RefillRefusal = keyof typeof REFILL_REFUSAL;

export type RefillRequest = { ok: true; refillId: string } | { ok: false; refusal: RefillRefusal };

interface OrderForRefill {
  status: string;
  providerOrderId: string | null;
  providerId: string | null;
  refill: boolean;
  open: boolean;
}

/**
 * A customer's refill of one of their orders: only a finished (completed/partial) order of a refill
 * service that is at a provider, and one open refill per order at a time. The refill row is written
 * under the order's row lock (two racing requests make one refill), then `forward-refill` sends it.
 * If Redis refuses the job the refill stays `pending` (nothing was sent) and says so in the log.
 */
export async function requestRefill(
  sql: postgres.Sql,
  producer: Producer,
  log: WarnLogger,
  input: { userId: string; orderId: string },
): Promise<RefillRequest> {
  const result = await sql.begin(async (tx): Promise<RefillRequest> => {
    const [o] = await tx<OrderForRefill[]>`
      select o.status, o.provider_order_id as "providerOrderId", o.provider_id as "providerId", s.refill,
             exists (select 1 from refills r where r.order_id = o.id
                     and r.status in ('pending', 'submitting', 'processing', 'needs_review')) as open
      from orders o join services s on s.id = o.service_id
      where o.id = ${input.orderId} and o.user_id = ${input.userId}
      for update of o`;
    if (!o) return { ok: false, refusal: 'notFound' };
    if (!o.refill) return { ok: false, refusal: 'disabled' };
    if ((o.status !== 'completed' && o.status !== 'partial') || !o.providerOrderId || !o.providerId)
      return { ok: false, refusal: 'notCompleted' };
    if (o.open) return { ok: false, refusal: 'open' };
    const refillId = newId('refill');
    await tx`insert into refills (id, order_id, user_id) values (${refillId}, ${input.orderId}, ${input.userId})`;
    await tx`insert into activity_log (id, actor_id, order_id, provider_id, provider_order_id, user_id, action, message)
             values (${newId('activity')}, ${input.userId}, ${input.orderId}, ${o.providerId}, ${o.providerOrderId},
                     ${input.userId}, 'refill.requested', ${`refill ${refillId} requested`})`;
    return { ok: true, refillId };
  });
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

/** §9.4 refill words: ours → what a reseller panel's client reads. */
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
