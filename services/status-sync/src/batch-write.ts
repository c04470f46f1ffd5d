import { refundOrder } from '@smm/db';
import { newId } from '@smm/domain';
import type postgres from 'postgres';
import type { BatchPlan, PlannedRefund } from './batch-plan.ts';

export interface BatchWriteResult {
  /** Orders whose row was written (still in the status the batch read). */
  applied: Set<string>;
  /** Refunds that moved money (the ledger had no refund for that order yet). */
  refunds: PlannedRefund[];
}

/**
 * Writes one batch in one transaction: every order in one UPDATE … FROM jsonb_to_recordset, the
 * refunds of the orders that became partial/canceled in *this* write, and one activity row per
 * status change. The UPDATE only touches an order still in the status the batch read, so a second
 * run of the same batch (retry, replica) finds it terminal, writes nothing and refunds nothing;
 * the ledger's one-refund-per-order index is the second lock on the same door.
 */
export async function writeBatch(
  sql: postgres.Sql,
  providerId: string,
  plan: BatchPlan,
): Promise<BatchWriteResult> {
  if (plan.rows.length === 0) return { applied: new Set(), refunds: [] };
  return sql.begin(async (tx) => {
    const rows = plan.rows.map((r) => ({
      id: r.id,
      expected: r.expected,
      status: r.status,
      ok: r.ok,
      provider_status: r.providerStatus,
      start_count: r.startCount,
      remains: r.remains,
      charge: r.charge,
      currency: r.currency,
      next_in_ms: r.nextInMs,
      unchanged: r.unchanged,
      sync_errors: r.syncErrors,
      review_kind: r.reviewKind,
      last_error: r.lastError,
      terminal: r.terminal,
    }));
    const written = await tx<{ id: string }[]>`
      update orders o set
        status = x.status,
        provider_status = case when x.ok then x.provider_status else o.provider_status end,
        start_count = case when x.ok then coalesce(x.start_count, o.start_count) else o.start_count end,
        remains = case when x.ok then x.remains else o.remains end,
        provider_charge = case when x.ok then coalesce(x.charge, o.provider_charge) else o.provider_charge end,
        provider_currency = case when x.ok then coalesce(x.currency, o.provider_currency) else o.provider_currency end,
        last_status_check = now(),
        next_status_check = case when x.next_in_ms is null then null
                                 else now() + x.next_in_ms * interval '1 millisecond' end,
        unchanged_checks = x.unchanged,
        sync_errors = x.sync_errors,
        review_kind = coalesce(x.review_kind, o.review_kind),
        sync_claimed_until = null,
        last_error = x.last_error,
        completed_at = case when x.terminal then now() else o.completed_at end,
        updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
        id text, expected text, status text, ok boolean, provider_status text, start_count bigint,
        remains bigint, charge numeric, currency text, next_in_ms bigint, unchanged int, sync_errors int,
        review_kind text, last_error text, terminal boolean)
      where o.id = x.id and o.status = x.expected and o.provider_id = ${providerId}
      returning o.id`;
    const applied = new Set(written.map((w) => w.id));

    // One user row lock at a time, in a fixed order: two batches refunding to the same users cannot deadlock.
    const refunds = plan.refunds
      .filter((r) => applied.has(r.orderId))
      .sort((a, b) =>
        a.userId === b.userId ? a.orderId.localeCompare(b.orderId) : a.userId.localeCompare(b.userId),
      );
    const moved: PlannedRefund[] = [];
    for (const r of refunds) {
      const res = await refundOrder(tx, { orderId: r.orderId, amount: r.amount, note: r.note });
      if (res.applied) moved.push(r);
    }

    const activity = plan.activity
      .filter((a) => applied.has(a.orderId))
      .map((a) => ({
        id: newId('activity'),
        order_id: a.orderId,
        user_id: a.userId,
        provider_order_id: a.providerOrderId,
        action: a.to === 'needs_review' ? 'order.needs_review' : 'order.status_changed',
        message: a.message,
        reply: a.reply,
      }));
    if (activity.length > 0) {
      await tx`
        insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
        select x.id, x.order_id, ${providerId}, x.provider_order_id, x.user_id, x.action, x.message, x.reply
        from jsonb_to_recordset(${JSON.stringify(activity)}::jsonb) as x(
          id text, order_id text, provider_order_id text, user_id text, action text, message text, reply jsonb)`;
    }
    return { applied, refunds: moved };
  });
}
