import { canTransition, newId, type OrderStatus, type ReviewKind } from '@smm/domain';
import type postgres from 'postgres';
import { refundOrder } from '../repositories/balance.ts';
import type { SqlLike } from '../sql-like.ts';
import { ACTIVITY } from './activity.ts';

/** One row of the batch's single UPDATE; applied only while the order is still in `expected`. */
export interface RowUpdate {
  id: string;
  expected: OrderStatus;
  status: OrderStatus;
  /** false: the provider answered with an error for this order; its provider fields stay as they were. */
  ok: boolean;
  providerStatus: string | null;
  startCount: string | null;
  remains: string | null;
  charge: string | null;
  currency: string | null;
  /** null = no further checks (terminal). */
  nextInMs: number | null;
  unchanged: number;
  /** Per-order errors in a row after this check (0 after a readable entry). */
  syncErrors: number;
  /** Set when this check sends the order to needs_review: which decision the admin is asked for. */
  reviewKind: ReviewKind | null;
  lastError: string | null;
  terminal: boolean;
}

export interface PlannedRefund {
  orderId: string;
  userId: string;
  kind: 'partial' | 'canceled';
  amount: string;
  note: string;
}

export interface PlannedActivity {
  orderId: string;
  userId: string;
  providerOrderId: string;
  from: OrderStatus;
  to: OrderStatus;
  message: string;
  /** The provider's entry for this order, as read (the client already stripped the API key). */
  reply: Record<string, unknown>;
}

export interface BatchWrites {
  rows: RowUpdate[];
  refunds: PlannedRefund[];
  activity: PlannedActivity[];
  errors: Array<{ orderId: string; message: string }>;
}

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
  plan: BatchWrites,
): Promise<BatchWriteResult> {
  // The planner decides the moves; the state machine still has the last word on each.
  const bad = plan.rows.find((r) => r.status !== r.expected && !canTransition(r.expected, r.status));
  if (bad)
    throw new RangeError(`the state machine forbids ${bad.expected} → ${bad.status} (order ${bad.id})`);
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
    const activity = plan.activity
      .filter((a) => applied.has(a.orderId))
      .map((a) => ({
        id: newId('activity'),
        order_id: a.orderId,
        user_id: a.userId,
        provider_order_id: a.providerOrderId,
        action: a.to === 'needs_review' ? ACTIVITY.orderNeedsReview : ACTIVITY.orderStatusChanged,
        message: a.message,
        reply: a.reply,
      }));
    // The refunds and the activity insert are sent together (pipelined on the transaction's one
    // connection): Postgres still runs them one after another in this order, so the lock order holds,
    // and the batch pays one round trip for them instead of one per refund.
    const [refunded] = await Promise.all([
      Promise.all(
        refunds.map((r) => refundOrder(tx, { orderId: r.orderId, amount: r.amount, note: r.note })),
      ),
      activity.length > 0
        ? tx`
        insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
        select x.id, x.order_id, ${providerId}, x.provider_order_id, x.user_id, x.action, x.message, x.reply
        from jsonb_to_recordset(${JSON.stringify(activity)}::jsonb) as x(
          id text, order_id text, provider_order_id text, user_id text, action text, message text, reply jsonb)`
        : null,
    ]);
    const moved = refunds.filter((_, i) => refunded[i]!.applied);
    return { applied, refunds: moved };
  });
}

/** What makes an order due for the sweep; `o` is the order, `p` its provider. */
export interface DueOptions {
  horizonMs: number;
  /** Skip orders a batch has written since then (the sweep's start, `databaseNow`). */
  notCheckedSince: string;
}

function dueOrder(sql: SqlLike, opts: DueOptions) {
  return sql`
    o.status in ('processing', 'in_progress')
    and o.provider_order_id is not null
    and (o.next_status_check is null
         or o.next_status_check <= now() + ${opts.horizonMs} * interval '1 millisecond')
    and (o.sync_claimed_until is null or o.sync_claimed_until <= now())
    and (o.last_status_check is null or o.last_status_check < ${opts.notCheckedSince}::timestamptz)
    and (p.sync_backoff_until is null or p.sync_backoff_until <= now())`;
}

/**
 * The sweep's list: due orders of providers not backed off, most overdue first. Reads only; the
 * sweep claims them in chunks with `claimDueOrders`, which checks each one again.
 */
export async function dueOrderIds(sql: SqlLike, opts: DueOptions & { limit: number }): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select o.id
    from orders o
    join api_providers p on p.id = o.provider_id
    where ${dueOrder(sql, opts)}
    order by o.next_status_check nulls first
    limit ${opts.limit}`;
  return rows.map((r) => r.id);
}

/**
 * The sweep's claim: of the given orders, those still due are locked and claimed in one statement
 * (`FOR UPDATE SKIP LOCKED`), so replicas and forced sweeps never poll one order twice. A claim ends
 * when the batch writes the order, or after `claimMs` if the batch was lost.
 */
export async function claimDueOrders(
  sql: SqlLike,
  orderIds: string[],
  opts: DueOptions & { claimMs: number },
): Promise<Array<{ id: string; providerId: string }>> {
  if (orderIds.length === 0) return [];
  return sql<{ id: string; providerId: string }[]>`
    with due as (
      select o.id
      from orders o
      join api_providers p on p.id = o.provider_id
      where o.id in (select jsonb_array_elements_text(${JSON.stringify(orderIds)}::jsonb))
        and ${dueOrder(sql, opts)}
      for update of o skip locked
    )
    update orders o
    set sync_claimed_until = now() + ${opts.claimMs} * interval '1 millisecond'
    from due
    where o.id = due.id
    returning o.id, o.provider_id as "providerId"`;
}

/**
 * The database's clock, for a sweep's start: a sweep claims in chunks while its first batches are
 * already written, and a written order can be due again within a forced sweep's horizon (or within
 * seconds at a small poll scale); without this bound one sweep would take it twice.
 */
export async function databaseNow(sql: SqlLike): Promise<string> {
  const [row] = await sql<{ now: string }[]>`select now()::text as now`;
  return row!.now;
}

/** Claims whose batches never made it to Redis: the orders are due again at once. */
export async function releaseClaims(sql: SqlLike, orderIds: string[]): Promise<void> {
  await sql`
    update orders set sync_claimed_until = null
    where id in (select jsonb_array_elements_text(${JSON.stringify(orderIds)}::jsonb))
      and status in ('processing', 'in_progress')`;
}

/** Redis lost every batch job: every live claim is released. Returns how many. */
export async function releaseAllClaims(sql: SqlLike): Promise<number> {
  const released = await sql`
    update orders set sync_claimed_until = null
    where sync_claimed_until > now() and status in ('processing', 'in_progress')
    returning 1`;
  return released.length;
}

/** Orders of a provider that is backed off wait for it, without a call. */
export async function rescheduleOrders(
  sql: SqlLike,
  orderIds: string[],
  /** ISO timestamp. */
  until: string,
  message: string,
): Promise<void> {
  await sql`
    update orders set next_status_check = ${until}::timestamptz, sync_claimed_until = null, last_error = ${message.slice(0, 500)}, updated_at = now()
    where id in (select jsonb_array_elements_text(${JSON.stringify(orderIds)}::jsonb))
      and status in ('processing', 'in_progress')`;
}
