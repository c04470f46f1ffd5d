import { newId } from '@smm/domain';
import type postgres from 'postgres';

/** A refill or cancel request and what its activity rows name. */
export interface StuckRequest {
  /** The refill id, or the order id for a cancel. */
  id: string;
  orderId: string;
  userId: string;
  providerId: string | null;
  providerOrderId: string | null;
}

const DIED = 'worker died mid-call; fate unknown — check the provider before re-sending';

/** `submitting` past the lock window: the provider may have the request, so never re-sent. */
export async function reviewStaleRequests(
  sql: postgres.Sql,
  kind: 'refill' | 'cancel',
  staleMs: number,
  limit: number,
): Promise<number> {
  return sql.begin(async (tx) => {
    const stale =
      kind === 'refill'
        ? await tx<StuckRequest[]>`
            with r as (
              update refills set status = 'needs_review', last_error = ${DIED}, updated_at = now()
              where id in (
                select id from refills
                where status = 'submitting' and updated_at < now() - ${staleMs} * interval '1 millisecond'
                order by id limit ${limit}
                for update skip locked)
                and status = 'submitting'
              returning id, order_id, user_id
            )
            select r.id, r.order_id as "orderId", r.user_id as "userId", o.provider_id as "providerId",
                   o.provider_order_id as "providerOrderId"
            from r join orders o on o.id = r.order_id`
        : await tx<StuckRequest[]>`
            update orders set cancel_status = 'needs_review', cancel_error = ${DIED}, updated_at = now()
            where id in (
              select id from orders
              where cancel_status = 'submitting' and updated_at < now() - ${staleMs} * interval '1 millisecond'
              order by id limit ${limit}
              for update skip locked)
              and cancel_status = 'submitting'
            returning id, id as "orderId", user_id as "userId", provider_id as "providerId",
                      provider_order_id as "providerOrderId"`;
    if (kind === 'refill')
      await requestActivity(tx, stale, 'refill.needs_review', (r) => `refill ${r.id}: ${DIED}`);
    else
      await requestActivity(tx, stale, 'order.cancel_needs_review', `provider cancel needs_review: ${DIED}`);
    return stale.length;
  });
}

export async function requestActivity(
  sql: postgres.Sql | postgres.TransactionSql,
  rows: StuckRequest[],
  action: string,
  message: string | ((r: StuckRequest) => string),
): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((r) => ({
    id: newId('activity'),
    order_id: r.orderId,
    provider_id: r.providerId,
    provider_order_id: r.providerOrderId,
    user_id: r.userId,
    message: typeof message === 'string' ? message : message(r),
  }));
  await sql`
    insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message)
    select x.id, x.order_id, x.provider_id, x.provider_order_id, x.user_id, ${action}, x.message
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
      as x(id text, order_id text, provider_id text, provider_order_id text, user_id text, message text)`;
}
