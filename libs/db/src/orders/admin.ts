import {
  allowedSources,
  compareMoney,
  isTerminal,
  isZeroMoney,
  type OrderStatus,
  partialRefundAmount,
  REVIEW_KIND,
  roundMoney,
} from '@smm/domain';
import type postgres from 'postgres';
import { refundedAmount, refundOrder } from '../repositories/balance.ts';
import type { SqlLike } from '../sql-like.ts';
import { ACTIVITY, type ActivityAction, recordActivity } from './activity.ts';
import { cancelWithRefund } from './cancel.ts';
import { refused } from './errors.ts';
import { sourcesOf } from './transition.ts';

/** Statuses an admin may cancel from (architecture.md#order-lifecycle: not while an `add` is in flight, never a finished order). */
export const CANCELABLE: readonly OrderStatus[] = ['pending', 'needs_review', 'processing', 'in_progress'];

/**
 * Where a manually fulfilled order may be moved from by hand. `submitting` is a call in flight and
 * `needs_review` is resolved by a provider order id, a re-send or a cancel — never by a bare status.
 */
const MANUAL_SOURCES: readonly OrderStatus[] = ['pending', 'processing', 'in_progress'];

export const MANUAL_TARGETS = ['processing', 'in_progress', 'completed', 'partial', 'canceled'] as const;
export type ManualTarget = (typeof MANUAL_TARGETS)[number];

interface LockedOrder {
  id: string;
  userId: string;
  status: OrderStatus;
  reviewKind: string | null;
  /** Fulfilled by hand: a manual order, or an order of a manual-mode service. */
  manual: boolean;
  price: string;
  currency: string;
  quantity: number;
  providerOrderId: string | null;
  providerId: string | null;
  serviceProviderId: string | null;
}

async function lockOrder(tx: SqlLike, id: string): Promise<LockedOrder> {
  const [row] = await tx<LockedOrder[]>`
    -- units (quantity × runs): what the order delivers, and what remains and refunds measure against.
    select o.id, o.user_id as "userId", o.status, o.review_kind as "reviewKind",
           (o.is_manual or s.mode = 'manual') as manual, o.price::text as price,
           o.currency, o.units::int as quantity,
           o.provider_order_id as "providerOrderId", o.provider_id as "providerId",
           s.provider_id as "serviceProviderId"
    from orders o join services s on s.id = o.service_id
    where o.id = ${id}
    for update of o`;
  if (!row) throw refused.notFound('order');
  return row;
}

const invalidTransition = refused.transition;

function activity(
  tx: SqlLike,
  o: { id: string; userId: string; providerId: string | null; providerOrderId: string | null },
  actorId: string,
  action: ActivityAction,
  message: string,
): Promise<void> {
  return recordActivity(tx, {
    action,
    actorId,
    orderId: o.id,
    userId: o.userId,
    providerId: o.providerId,
    providerOrderId: o.providerOrderId,
    message,
  });
}

export interface CancelOutcome {
  from: OrderStatus;
  refunded: string;
  currency: string;
  providerId: string | null;
  providerOrderId: string | null;
}

/**
 * → canceled with everything not yet refunded given back, in the caller's transaction. The guarded
 * UPDATE and the ledger's one-refund-per-order index make a second cancel (or a racing sync) a no-op
 * for money: a repeat is a 409, never a second refund.
 */
export async function cancelLocked(
  tx: SqlLike,
  o: LockedOrder,
  actorId: string,
  reason: string | null,
): Promise<CancelOutcome> {
  if (!CANCELABLE.includes(o.status)) {
    throw invalidTransition(
      o.status,
      'canceled',
      o.status === 'canceled'
        ? 'order is already canceled'
        : o.status === 'submitting'
          ? 'order is being sent to the provider right now; try again in a moment'
          : `a ${o.status} order cannot be canceled`,
    );
  }
  const done = await cancelWithRefund(tx, {
    orderId: o.id,
    from: CANCELABLE,
    actorId,
    note: 'canceled by admin',
    message: `canceled by admin from ${o.status}; refund {refund}${reason ? ` — ${reason}` : ''}`,
  });
  if (!done) throw invalidTransition(o.status, 'canceled');
  const refunded = done.refunded;
  return {
    from: o.status,
    refunded,
    currency: o.currency,
    providerId: o.providerId,
    providerOrderId: o.providerOrderId,
  };
}

export async function cancelOrder(
  sql: postgres.Sql,
  orderId: string,
  actorId: string,
  reason: string | null,
): Promise<CancelOutcome> {
  return sql.begin((tx) => lockOrder(tx, orderId).then((o) => cancelLocked(tx, o, actorId, reason)));
}

export interface OrderPatch {
  status?: ManualTarget | undefined;
  remains?: number | undefined;
  startCount?: number | undefined;
  adminNotes?: string | null | undefined;
  providerOrderId?: string | undefined;
}

export interface PatchOutcome {
  /** Money given back by this change (partial, canceled), null when none. */
  refunded: string | null;
}

/**
 * PATCH /api/admin/orders/:id in one transaction: a status for a manually fulfilled order (with the
 * architecture.md#money refund), a provider order id that settles an order in review, notes and counts.
 */
export async function patchOrder(
  sql: postgres.Sql,
  orderId: string,
  patch: OrderPatch,
  actorId: string,
): Promise<PatchOutcome> {
  return sql.begin(async (tx) => {
    const o = await lockOrder(tx, orderId);
    let refunded: string | null = null;

    if (patch.providerOrderId !== undefined) {
      await settle(tx, o, patch.providerOrderId, actorId);
    } else if (patch.status === 'canceled') {
      refunded = (await cancelLocked(tx, o, actorId, null)).refunded;
    } else if (patch.status !== undefined) {
      refunded = await moveManual(tx, o, patch.status, patch.remains, actorId);
    } else if (patch.remains !== undefined && isTerminal(o.status)) {
      throw invalidTransition(
        o.status,
        o.status,
        'remains of a finished order cannot change (its refund is settled)',
      );
    }

    const fields: Record<string, string | number | null> = {};
    if (patch.adminNotes !== undefined) fields.admin_notes = patch.adminNotes;
    if (patch.startCount !== undefined) fields.start_count = patch.startCount;
    // A status change above already wrote remains with its refund.
    if (patch.remains !== undefined && patch.status === undefined) fields.remains = patch.remains;
    if (Object.keys(fields).length > 0) {
      await tx`update orders set ${tx(fields)}, updated_at = now() where id = ${o.id}`;
      if (patch.status === undefined && patch.providerOrderId === undefined) {
        await activity(
          tx,
          o,
          actorId,
          ACTIVITY.orderUpdated,
          `admin changed ${Object.keys(fields).join(', ')}`,
        );
      }
    }
    return { refunded };
  });
}

/** architecture.md#order-lifecycle: attaching the provider's order id resolves a review (or records a hand-placed order). */
async function settle(tx: SqlLike, o: LockedOrder, providerOrderId: string, actorId: string): Promise<void> {
  const sources: OrderStatus[] = ['needs_review', 'pending'];
  if (!sources.includes(o.status)) {
    throw invalidTransition(o.status, 'processing', `a ${o.status} order cannot take a provider order id`);
  }
  const providerId = o.providerId ?? o.serviceProviderId;
  if (!providerId) {
    throw refused.rule('the order has no provider to look this order id up at');
  }
  // One provider order id, one order: a status reply must never move (or refund) two orders.
  const [holder] = await tx<{ id: string }[]>`
    select id from orders
    where provider_id = ${providerId} and provider_order_id = ${providerOrderId} and id <> ${o.id}`;
  if (holder) {
    throw refused.conflict(
      `provider order ${providerOrderId} already belongs to order ${holder.id}; find this order's own id at the provider`,
      { heldBy: holder.id },
    );
  }
  // Two admins attaching one id at once: the unique index stops the second; say so as the 409 it is.
  const moved = await tx`
    update orders
    set status = 'processing', provider_order_id = ${providerOrderId}, provider_id = ${providerId},
        next_status_check = now(), submitted_at = coalesce(submitted_at, now()), last_error = null,
        review_kind = null, sync_errors = 0, unchanged_checks = 0, updated_at = now()
    where id = ${o.id} and status = any(${sourcesOf('processing', sources)}::text[])
    returning 1`.catch((e: unknown) => {
    if ((e as { code?: string }).code === '23505') {
      throw refused.conflict(`provider order ${providerOrderId} already belongs to another order`, {
        heldBy: null,
      });
    }
    throw e;
  });
  if (moved.length === 0) throw invalidTransition(o.status, 'processing');
  await activity(
    tx,
    { ...o, providerId, providerOrderId },
    actorId,
    ACTIVITY.orderProviderOrderAttached,
    `admin attached provider order ${providerOrderId} (was ${o.status}); status sync takes over`,
  );
}

async function moveManual(
  tx: SqlLike,
  o: LockedOrder,
  to: Exclude<ManualTarget, 'canceled'>,
  remainsIn: number | undefined,
  actorId: string,
): Promise<string | null> {
  if (o.providerOrderId !== null) {
    throw invalidTransition(
      o.status,
      to,
      'the order is at a provider: status sync owns its status (cancel it, or sync it)',
    );
  }
  // An auto order is the forwarder's: a status set by hand would strand it (never sent, never polled).
  if (!o.manual) {
    throw invalidTransition(
      o.status,
      to,
      'an auto-mode order is sent and tracked by the system: forward it, cancel it, or switch its service to manual',
    );
  }
  const sources = allowedSources(to).filter((s) => MANUAL_SOURCES.includes(s));
  if (!sources.includes(o.status)) throw invalidTransition(o.status, to);

  let remains: number | null = remainsIn ?? null;
  let refund: string | null = null;
  if (to === 'partial') {
    if (remainsIn === undefined) {
      throw refused.rule('a partial order needs remains (what was not delivered)');
    }
    if (remainsIn > o.quantity) {
      throw refused.rule(`remains cannot exceed the quantity (${o.quantity})`);
    }
    refund = partialRefundAmount(o.price, remainsIn, o.quantity).amount;
  } else if (to === 'completed') {
    remains ??= 0;
  }
  const terminal = to === 'completed' || to === 'partial';
  const moved = await tx`
    update orders
    set status = ${to}, remains = coalesce(${remains}::bigint, remains), updated_at = now(),
        completed_at = case when ${terminal}::boolean then now() else completed_at end,
        next_status_check = null
    where id = ${o.id} and status = any(${sources}::text[])
    returning 1`;
  if (moved.length === 0) throw invalidTransition(o.status, to);

  let refunded: string | null = null;
  if (refund !== null) {
    const r = await refundOrder(tx, {
      orderId: o.id,
      amount: refund,
      note: 'partial delivery (admin)',
      actorId,
    });
    refunded = r.applied ? refund : '0.000000';
  }
  const money = refunded !== null && !isZeroMoney(refunded) ? `; refund ${refunded} ${o.currency}` : '';
  await activity(tx, o, actorId, ACTIVITY.orderStatusChanged, `status ${o.status} → ${to} by admin${money}`);
  return refunded;
}

export interface SettleInput {
  /** What was not delivered, in the order's units: the refund is the architecture.md#money partial share. */
  remains?: number | undefined;
  /** Or the amount to give back, in the order's currency (at most what was not refunded yet). */
  refund?: string | undefined;
  note: string;
}

export interface SettleOutcome {
  status: OrderStatus;
  refunded: string;
}

/**
 * architecture.md#jobs: the refund automation may not decide — a package reported Partial, a Partial without readable
 * remains (drip-feed), a finished order with no refund yet — settled once by an admin through the
 * same refund path and ledger row. An order waiting for settlement (needs_review, settle_refund) is
 * finished here (partial when money comes back, else completed); a finished one keeps its status.
 */
export async function settleOrder(
  sql: postgres.Sql,
  orderId: string,
  input: SettleInput,
  actorId: string,
): Promise<SettleOutcome> {
  return sql.begin(async (tx) => {
    const o = await lockOrder(tx, orderId);
    const awaiting = o.status === 'needs_review' && o.reviewKind === REVIEW_KIND.settleRefund;
    if (!awaiting && o.status !== 'partial' && o.status !== 'completed') {
      throw invalidTransition(
        o.status,
        'settled',
        o.status === 'needs_review'
          ? 'this order is in review for another reason: attach its provider order id, re-send or cancel it'
          : `a ${o.status} order is not finished: nothing to settle yet`,
      );
    }
    const already = await refundedAmount(tx, o.id);
    const [row] = await tx`select 1 from ledger where order_id = ${o.id} and kind = 'refund'`;
    if (row)
      throw invalidTransition(o.status, 'settled', `already settled: ${already} ${o.currency} was refunded`);

    let amount: string;
    if (input.remains !== undefined) {
      if (input.remains > o.quantity) {
        throw refused.rule(`remains cannot exceed the quantity (${o.quantity})`);
      }
      amount = partialRefundAmount(o.price, input.remains, o.quantity).amount;
    } else {
      amount = roundMoney(input.refund ?? '0');
      if (compareMoney(amount, o.price) > 0) {
        throw refused.rule(`the refund cannot exceed the price (${o.price} ${o.currency})`);
      }
    }

    let status = o.status;
    if (awaiting) {
      status = isZeroMoney(amount) ? 'completed' : 'partial';
      const moved = await tx`
        update orders
        set status = ${status}, review_kind = null, last_error = null, next_status_check = null,
            remains = coalesce(${input.remains ?? null}::bigint, remains), completed_at = now(), updated_at = now()
        where id = ${o.id} and status = 'needs_review' and review_kind = ${REVIEW_KIND.settleRefund}
        returning 1`;
      if (moved.length === 0) throw invalidTransition(o.status, status);
    }
    const refund = await refundOrder(tx, {
      orderId: o.id,
      amount,
      note: `settled by admin: ${input.note}`,
      actorId,
    });
    if (!refund.applied) throw invalidTransition(o.status, 'settled', 'already settled');
    await activity(
      tx,
      o,
      actorId,
      ACTIVITY.orderSettled,
      `settled by admin (${input.remains !== undefined ? `remains ${input.remains}` : 'refund'}): refund ${amount} ${o.currency}${awaiting ? `, ${o.status} → ${status}` : ''} — ${input.note}`,
    );
    return { status, refunded: amount };
  });
}

/**
 * An admin's forward: a `needs_review` order is first moved back to `pending` (the admin judged the
 * provider does not have it: a re-send), then the forward round is bumped — its job id is the next
 * round's — with activity rows naming the admin. Returns the round to enqueue.
 */
export async function requestAdminForward(
  sql: postgres.Sql,
  input: { orderId: string; providerId: string; actorId: string },
): Promise<number> {
  return sql.begin(async (tx) => {
    const [o] = await tx<{ status: OrderStatus; userId: string }[]>`
      select status, user_id as "userId" from orders where id = ${input.orderId} for update`;
    if (!o) throw refused.notFound('order');
    const log = (action: ActivityAction, message: string) =>
      recordActivity(tx, {
        action,
        actorId: input.actorId,
        orderId: input.orderId,
        userId: o.userId,
        providerId: input.providerId,
        message,
      });
    if (o.status === 'needs_review') {
      await tx`update orders set status = 'pending', last_error = null, review_kind = null, updated_at = now()
               where id = ${input.orderId} and status = any(${sourcesOf('pending', ['needs_review'])}::text[])`;
      await log(ACTIVITY.orderResend, 'admin re-sends an order in review (needs_review → pending)');
    } else if (o.status !== 'pending') {
      throw refused.conflict(`a ${o.status} order cannot be forwarded (only pending or needs_review)`, {
        status: o.status,
      });
    }
    const [bumped] = await tx<{ round: number }[]>`
      update orders set forward_round = forward_round + 1, updated_at = now()
      where id = ${input.orderId} and status = 'pending'
      returning forward_round as round`;
    if (!bumped) throw refused.conflict('the order changed while being forwarded');
    await log(
      ACTIVITY.orderForwardRequested,
      `admin forwards to provider ${input.providerId} (round ${bumped.round})`,
    );
    return bumped.round;
  });
}
