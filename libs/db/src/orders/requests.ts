import { newId } from '@smm/domain';
import type postgres from 'postgres';
import type { SqlLike } from '../sql-like.ts';
import { ACTIVITY, type ActivityAction, recordActivity, requestAction } from './activity.ts';
import { cancelWithRefund } from './cancel.ts';

// A customer's refill and cancel requests: written by the gateway, sent upstream once by the
// forwarder (`forward-refill`, `forward-cancel`), synced and repaired by status-sync. Every write of
// a request's state lives here, each guarded on the state it leaves.

// --- intake (gateway) ---------------------------------------------------------------------------

/** Whose request, for which of their orders. */
export interface RequestInput {
  userId: string;
  orderId: string;
}

/** A request the rules turned down, and why (the refusal's key in its message table). */
type Refused<K extends string> = { ok: false; refusal: K };

/** What both request rules read of the customer's own order, under its row lock. */
interface LockedOrder {
  status: string;
  providerOrderId: string | null;
  providerId: string | null;
  cancel: boolean;
  refill: boolean;
  cancelStatus: string | null;
}

/**
 * A request's transaction on the customer's order, locked first: two racing requests for one order
 * decide one after the other. `notFound` when the order is not theirs (or does not exist).
 */
function onOwnOrder<T>(
  sql: postgres.Sql,
  input: RequestInput,
  decide: (tx: SqlLike, o: LockedOrder) => Promise<T>,
): Promise<T | Refused<'notFound'>> {
  return sql.begin(async (tx) => {
    const [o] = await tx<LockedOrder[]>`
      select o.status, o.provider_order_id as "providerOrderId", o.provider_id as "providerId", s.cancel,
             s.refill, o.cancel_status as "cancelStatus"
      from orders o join services s on s.id = o.service_id
      where o.id = ${input.orderId} and o.user_id = ${input.userId}
      for update of o`;
    return o ? decide(tx, o) : { ok: false as const, refusal: 'notFound' as const };
  }) as Promise<T | Refused<'notFound'>>;
}

/**
 * Whether the order has a refill still open. Read in its own statement *after* onOwnOrder's lock: a
 * subquery in the locking statement reads the snapshot taken before the lock was granted, so a request
 * that waited on the lock would not see the refill the winner inserted and would add a second one.
 */
async function hasOpenRefill(tx: SqlLike, orderId: string): Promise<boolean> {
  const [row] = await tx<{ open: boolean }[]>`
    select exists (select 1 from refills where order_id = ${orderId}
                   and status in ('pending', 'submitting', 'processing', 'needs_review')) as open`;
  return row!.open;
}

/** The activity row of a request the customer made themselves (they are its actor). */
function customerAsked(
  tx: SqlLike,
  input: RequestInput,
  o: LockedOrder,
  action: ActivityAction,
  message: string,
): Promise<void> {
  return recordActivity(tx, {
    action,
    actorId: input.userId,
    orderId: input.orderId,
    userId: input.userId,
    providerId: o.providerId,
    providerOrderId: o.providerOrderId,
    message,
  });
}

/**
 * What a refused request is told, per kind: the reseller API answers with these words, the customer
 * API maps each refusal to its status code.
 */
export const REQUEST_REFUSAL = {
  cancel: {
    notFound: 'Incorrect order ID',
    disabled: 'Cancel is disabled for this service',
    finished: 'Order is already finished',
    busy: 'Order is being sent to the provider; try again in a moment',
    review: 'Order is under review; contact support',
    requested: 'Cancel is already requested for this order',
  },
  refill: {
    notFound: 'Incorrect order ID',
    disabled: 'Refill is disabled for this service',
    notCompleted: 'Order is not completed yet',
    open: 'Refill is already requested for this order',
  },
} as const;
export const CANCEL_REFUSAL = REQUEST_REFUSAL.cancel;
export const REFILL_REFUSAL = REQUEST_REFUSAL.refill;
export type CancelRefusal = keyof typeof CANCEL_REFUSAL;

export type CancelRequest =
  | { ok: true; kind: 'canceled'; refunded: string; currency: string }
  | { ok: true; kind: 'requested' }
  | Refused<CancelRefusal>;

/**
 * A customer's cancel, in one transaction. Still `pending` (never sent): canceled and refunded in
 * full at once. Live at a provider and the service allows cancel: a cancel request
 * (`cancel_status = pending`) that `forward-cancel` sends; the order turns canceled/partial — and is
 * refunded — only when status sync hears it from the provider.
 */
export async function recordCancelRequest(sql: postgres.Sql, input: RequestInput): Promise<CancelRequest> {
  return onOwnOrder(sql, input, async (tx, o): Promise<CancelRequest> => {
    if (o.status === 'pending') {
      const done = await cancelWithRefund(tx, {
        orderId: input.orderId,
        from: ['pending'],
        actorId: input.userId,
        note: 'canceled by the customer before it was sent',
        message: 'canceled by the customer while pending; refund {refund}',
      });
      return done
        ? { ok: true, kind: 'canceled', refunded: done.refunded, currency: done.currency }
        : { ok: false, refusal: 'busy' };
    }
    if (o.status === 'submitting') return { ok: false, refusal: 'busy' };
    if (o.status === 'needs_review') return { ok: false, refusal: 'review' };
    if (o.status !== 'processing' && o.status !== 'in_progress') return { ok: false, refusal: 'finished' };
    if (!o.cancel) return { ok: false, refusal: 'disabled' };
    if (o.cancelStatus !== null) return { ok: false, refusal: 'requested' };
    await tx`update orders set cancel_status = 'pending', cancel_error = null, updated_at = now()
             where id = ${input.orderId} and cancel_status is null`;
    await customerAsked(tx, input, o, ACTIVITY.orderCancelRequested, 'customer asked the provider to cancel');
    return { ok: true, kind: 'requested' };
  });
}

export type RefillRefusal = keyof typeof REFILL_REFUSAL;

export type RefillRequest =
  | {
      ok: true;
      refillId: string;
      /** The refill's public number (what the v2 API answers). */
      refillNumber: number;
    }
  | Refused<RefillRefusal>;

/**
 * A customer's refill of one of their orders: only a finished (completed/partial) order of a refill
 * service that is at a provider, and one open refill per order at a time. The refill row is written
 * under the order's row lock, so two racing requests make one refill.
 */
export async function recordRefillRequest(sql: postgres.Sql, input: RequestInput): Promise<RefillRequest> {
  return onOwnOrder(sql, input, async (tx, o): Promise<RefillRequest> => {
    if (!o.refill) return { ok: false, refusal: 'disabled' };
    if ((o.status !== 'completed' && o.status !== 'partial') || !o.providerOrderId || !o.providerId)
      return { ok: false, refusal: 'notCompleted' };
    if (await hasOpenRefill(tx, input.orderId)) return { ok: false, refusal: 'open' };
    const refillId = newId('refill');
    const [row] = await tx<{ number: number }[]>`
      insert into refills (id, order_id, user_id) values (${refillId}, ${input.orderId}, ${input.userId})
      returning number::int as number`;
    await customerAsked(tx, input, o, ACTIVITY.refillRequested, `refill ${refillId} requested`);
    return { ok: true, refillId, refillNumber: row!.number };
  });
}

// --- sending (forwarder) ------------------------------------------------------------------------

/** A request as its claim read it: whether this job moved it to `submitting`, and where it goes. */
export interface RequestClaim {
  claimed: boolean;
  /** The request's state (a refill's status, an order's cancel_status). */
  state: string | null;
  /** The order's own status. */
  orderStatus: string;
  orderId: string;
  userId: string;
  providerOrderId: string | null;
  providerId: string | null;
  apiUrl: string | null;
  apiKeyEnc: string | null;
}

/** Where a still-pending request goes; null when there is nothing to send. */
export interface RequestTarget extends RequestSubject {
  providerStatus: string | null;
  apiUrl: string | null;
}

/** What a request's activity row names. */
export type RequestSubject = Pick<RequestClaim, 'orderId' | 'userId' | 'providerId' | 'providerOrderId'>;

/** The provider a still-pending refill goes to, with what "is this provider usable" needs. */
export async function pendingRefillTarget(sql: SqlLike, refillId: string): Promise<RequestTarget | null> {
  const [row] = await sql<RequestTarget[]>`
    select o.provider_id as "providerId", p.status as "providerStatus", p.api_url as "apiUrl", o.id as "orderId",
           r.user_id as "userId", o.provider_order_id as "providerOrderId"
    from refills r join orders o on o.id = r.order_id left join api_providers p on p.id = o.provider_id
    where r.id = ${refillId} and r.status = 'pending'`;
  return row ?? null;
}

/**
 * pending → submitting, only for an order at an active provider (the row-level half of "is this
 * provider usable"; the caller checked the URL rule on `pendingRefillTarget`).
 */
export async function claimRefill(sql: SqlLike, refillId: string): Promise<RequestClaim | null> {
  const [row] = await sql<RequestClaim[]>`
    with t as (
      select r.id, r.status as state, o.status as order_status, r.order_id, r.user_id, o.provider_order_id,
             p.id as provider_id, p.api_url, p.api_key_enc, p.status as provider_status
      from refills r join orders o on o.id = r.order_id left join api_providers p on p.id = o.provider_id
      where r.id = ${refillId}
      -- Locked as read: a claim that waited on a racing winner reads the state the winner left, not the
      -- 'pending' of its snapshot (its job would report a rejection that never happened).
      for update of r
    ),
    m as (
      update refills set status = 'submitting', updated_at = now()
      from t
      where refills.id = t.id and refills.status = 'pending' and t.provider_order_id is not null
        and t.provider_status = 'active'
      returning refills.id
    )
    ${claimResult(sql)}`;
  return row ?? null;
}

/** A claim's answer, from the claiming statement's `t` (the request as read) and `m` (what it moved). */
function claimResult(sql: SqlLike) {
  return sql`
    select exists (select 1 from m) as claimed, t.state, t.order_status as "orderStatus", t.order_id as "orderId",
           t.user_id as "userId", t.provider_order_id as "providerOrderId", t.provider_id as "providerId",
           t.api_url as "apiUrl", t.api_key_enc as "apiKeyEnc"
    from t`;
}

/** One guarded move of the refill plus its activity row; a no-op if the refill moved on meanwhile. */
export async function moveRefill(
  sql: SqlLike,
  refillId: string,
  from: 'pending' | 'submitting',
  to: { status: string; error?: string; providerRefillId?: string },
  claim: RequestSubject,
  record: Record<string, unknown>,
): Promise<void> {
  await sql`
    with moved as (
      update refills
      set status = ${to.status}, last_error = ${to.error ?? null},
          provider_refill_id = coalesce(${to.providerRefillId ?? null}, provider_refill_id), updated_at = now()
      where id = ${refillId} and status = ${from}
      returning id
    )
    ${movedActivity(sql, claim, requestAction.refill(to.status), `refill ${refillId}${to.error ? `: ${to.error}` : ''}`, record)}`;
}

/** The activity row of a request's move, written only when the statement's `moved` moved it. */
function movedActivity(
  sql: SqlLike,
  subject: RequestSubject,
  action: string,
  message: string,
  record: Record<string, unknown>,
) {
  return sql`
    insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
    select ${newId('activity')}, ${subject.orderId}, ${subject.providerId}, ${subject.providerOrderId},
           ${subject.userId}, ${action}, ${message}, ${JSON.stringify(record)}::jsonb
    from moved`;
}

/** The provider a still-pending cancel request goes to, with what "is this provider usable" needs. */
export async function pendingCancelTarget(sql: SqlLike, orderId: string): Promise<RequestTarget | null> {
  const [row] = await sql<RequestTarget[]>`
    select o.provider_id as "providerId", p.status as "providerStatus", p.api_url as "apiUrl", o.id as "orderId",
           o.user_id as "userId", o.provider_order_id as "providerOrderId"
    from orders o left join api_providers p on p.id = o.provider_id
    where o.id = ${orderId} and o.cancel_status = 'pending'`;
  return row ?? null;
}

/** cancel_status pending → submitting, only while the order is live at an active provider. */
export async function claimCancel(sql: SqlLike, orderId: string): Promise<RequestClaim | null> {
  const [row] = await sql<RequestClaim[]>`
    with t as (
      select o.id, o.cancel_status as state, o.status as order_status, o.id as order_id, o.user_id,
             o.provider_order_id, p.id as provider_id, p.api_url, p.api_key_enc, p.status as provider_status
      from orders o left join api_providers p on p.id = o.provider_id
      where o.id = ${orderId}
      for update of o -- as in claimRefill: a loser reads the winner's state
    ),
    m as (
      update orders set cancel_status = 'submitting', updated_at = now()
      from t
      where orders.id = t.id and orders.cancel_status = 'pending'
        and orders.status in ('processing', 'in_progress') and t.provider_order_id is not null
        and t.provider_status = 'active'
      returning orders.id
    )
    ${claimResult(sql)}`;
  return row ?? null;
}

/** One guarded move of a cancel request plus its activity row. `sent` also asks status sync to look soon. */
export async function moveCancel(
  sql: SqlLike,
  orderId: string,
  from: 'pending' | 'submitting',
  to: { to: string; error?: string },
  claim: RequestSubject,
  record: Record<string, unknown>,
): Promise<void> {
  await sql`
    with moved as (
      update orders set cancel_status = ${to.to}, cancel_error = ${to.error ?? null}, updated_at = now(),
        -- The provider's Canceled/Partial is what refunds the customer: look again soon.
        next_status_check = case when ${to.to} = 'sent' and status in ('processing', 'in_progress') then now()
                                 else next_status_check end
      where id = ${orderId} and cancel_status = ${from}
      returning id
    )
    ${movedActivity(
      sql,
      { ...claim, orderId },
      requestAction.cancel(to.to),
      `provider cancel ${to.to}${to.error ? `: ${to.error}` : ''}`,
      record,
    )}`;
}

// --- sync and repair (status-sync) --------------------------------------------------------------

export interface OpenRefill {
  id: string;
  orderId: string;
  userId: string;
  providerId: string;
  providerRefillId: string;
  providerStatus: string | null;
}

/** Refills at a provider, oldest first. */
export async function openRefills(sql: SqlLike, limit: number): Promise<OpenRefill[]> {
  return sql<OpenRefill[]>`
    select r.id, r.order_id as "orderId", r.user_id as "userId", o.provider_id as "providerId",
           r.provider_refill_id as "providerRefillId", r.provider_status as "providerStatus"
    from refills r join orders o on o.id = r.order_id
    where r.status = 'processing' and r.provider_refill_id is not null and o.provider_id is not null
    order by r.updated_at
    limit ${limit}`;
}

/** The refills a status reply moved, in one statement, guarded on `processing`; returns how many finished. */
export async function writeRefillStates(
  sql: SqlLike,
  rows: Array<OpenRefill & { status: string; word: string | null; error: string | null }>,
): Promise<number> {
  const payload = rows.map((r) => ({
    id: r.id,
    status: r.status,
    word: r.word,
    error: r.error,
    order_id: r.orderId,
    user_id: r.userId,
    provider_id: r.providerId,
    activity_id: newId('activity'),
  }));
  const changed = await sql`
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(
        id text, status text, word text, error text, order_id text, user_id text, provider_id text, activity_id text)
    ),
    u as (
      update refills set status = x.status, provider_status = x.word, last_error = x.error, updated_at = now()
      from x
      where refills.id = x.id and refills.status = 'processing'
      returning refills.id, refills.status
    )
    insert into activity_log (id, order_id, provider_id, user_id, action, message)
    select x.activity_id, x.order_id, x.provider_id, x.user_id, 'refill.' || u.status,
           'refill ' || x.id || ' ' || u.status || ' at the provider (' || coalesce(x.word, '?') || ')'
    from u join x on x.id = u.id
    where u.status <> 'processing'
    returning 1`;
  return changed.length;
}

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

/** The ids of requests `submitting` for longer than `staleMs`, locked (a replica skips them), lowest first. */
function staleSubmitting(
  tx: SqlLike,
  table: 'refills' | 'orders',
  state: 'status' | 'cancel_status',
  staleMs: number,
  limit: number,
) {
  return tx`
    select id from ${tx(table)}
    where ${tx(state)} = 'submitting' and updated_at < now() - ${staleMs} * interval '1 millisecond'
    order by id limit ${limit}
    for update skip locked`;
}

/** `submitting` past the stale time: the provider may have the request, so never re-sent. */
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
              where id in (${staleSubmitting(tx, 'refills', 'status', staleMs, limit)})
                and status = 'submitting'
              returning id, order_id, user_id
            )
            select r.id, r.order_id as "orderId", r.user_id as "userId", o.provider_id as "providerId",
                   o.provider_order_id as "providerOrderId"
            from r join orders o on o.id = r.order_id`
        : await tx<StuckRequest[]>`
            update orders set cancel_status = 'needs_review', cancel_error = ${DIED}, updated_at = now()
            where id in (${staleSubmitting(tx, 'orders', 'cancel_status', staleMs, limit)})
              and cancel_status = 'submitting'
            returning id, id as "orderId", user_id as "userId", provider_id as "providerId",
                      provider_order_id as "providerOrderId"`;
    if (kind === 'refill')
      await requestActivity(tx, stale, ACTIVITY.refillNeedsReview, (r) => `refill ${r.id}: ${DIED}`);
    else
      await requestActivity(
        tx,
        stale,
        ACTIVITY.orderCancelNeedsReview,
        `provider cancel needs_review: ${DIED}`,
      );
    return stale.length;
  });
}

/** Requests `pending` past the grace period: candidates for a lost job. */
export async function pendingRequests(
  sql: SqlLike,
  kind: 'refill' | 'cancel',
  graceMs: number,
  limit: number,
): Promise<StuckRequest[]> {
  return kind === 'refill'
    ? sql<StuckRequest[]>`
        select r.id, r.order_id as "orderId", r.user_id as "userId", o.provider_id as "providerId",
               o.provider_order_id as "providerOrderId"
        from refills r join orders o on o.id = r.order_id
        where r.status = 'pending' and r.updated_at < now() - ${graceMs} * interval '1 millisecond'
        order by r.updated_at
        limit ${limit}`
    : // orders_cancel_open_idx (partial: pending/submitting cancels) keeps this an index look-up.
      sql<StuckRequest[]>`
        select id, id as "orderId", user_id as "userId", provider_id as "providerId",
               provider_order_id as "providerOrderId"
        from orders
        where cancel_status = 'pending' and updated_at < now() - ${graceMs} * interval '1 millisecond'
        order by updated_at
        limit ${limit}`;
}

/**
 * Marks a pending request as being repaired, guarded on the grace: of two repairers, the one that
 * touches it first re-adds its job. False when another did.
 */
export async function touchPendingRequest(
  sql: SqlLike,
  kind: 'refill' | 'cancel',
  id: string,
  graceMs: number,
): Promise<boolean> {
  const rows =
    kind === 'refill'
      ? await sql`
          update refills set updated_at = now()
          where id = ${id} and status = 'pending' and updated_at < now() - ${graceMs} * interval '1 millisecond'
          returning 1`
      : await sql`
          update orders set updated_at = now()
          where id = ${id} and cancel_status = 'pending'
            and updated_at < now() - ${graceMs} * interval '1 millisecond'
          returning 1`;
  return rows.length > 0;
}

export async function requestActivity(
  sql: SqlLike,
  rows: StuckRequest[],
  action: ActivityAction,
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
