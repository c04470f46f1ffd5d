import { refundedAmount, refundOrder, type SqlLike } from '@smm/db';
import {
  allowedSources,
  cancelRefundAmount,
  isTerminal,
  isZeroMoney,
  newId,
  type OrderStatus,
  partialRefundAmount,
} from '@smm/domain';
import type postgres from 'postgres';
import { AppError, ERROR_CODE, notFound } from '../errors.ts';

/** Statuses an admin may cancel from (§5: not while an `add` is in flight, never a finished order). */
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
  price: string;
  currency: string;
  quantity: number;
  providerOrderId: string | null;
  providerId: string | null;
  serviceProviderId: string | null;
}

async function lockOrder(tx: SqlLike, id: string): Promise<LockedOrder> {
  const [row] = await tx<LockedOrder[]>`
    -- quantity × runs: what a drip-feed order delivers, and what remains and refunds measure against.
    select o.id, o.user_id as "userId", o.status, o.price::text as price, o.currency,
           o.quantity * coalesce(o.runs, 1) as quantity,
           o.provider_order_id as "providerOrderId", o.provider_id as "providerId",
           s.provider_id as "serviceProviderId"
    from orders o join services s on s.id = o.service_id
    where o.id = ${id}
    for update of o`;
  if (!row) throw notFound('order');
  return row;
}

function invalidTransition(from: OrderStatus, to: string, why?: string): AppError {
  return new AppError(409, ERROR_CODE.invalidTransition, why ?? `order cannot move from ${from} to ${to}`, {
    from,
    to,
  });
}

async function activity(
  tx: SqlLike,
  o: { id: string; userId: string; providerId: string | null; providerOrderId: string | null },
  actorId: string,
  action: string,
  message: string,
): Promise<void> {
  await tx`insert into activity_log (id, actor_id, order_id, provider_id, provider_order_id, user_id, action, message)
           values (${newId('activity')}, ${actorId}, ${o.id}, ${o.providerId}, ${o.providerOrderId}, ${o.userId},
                   ${action}, ${message})`;
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
  const sources = allowedSources('canceled').filter((s) => CANCELABLE.includes(s));
  const moved = await tx`
    update orders set status = 'canceled', completed_at = now(), next_status_check = null, updated_at = now()
    where id = ${o.id} and status = any(${sources}::text[])
    returning 1`;
  if (moved.length === 0) throw invalidTransition(o.status, 'canceled');
  const amount = cancelRefundAmount(o.price, await refundedAmount(tx, o.id));
  const refund = await refundOrder(tx, { orderId: o.id, amount, note: 'canceled by admin', actorId });
  const refunded = refund.applied ? amount : '0.000000';
  await activity(
    tx,
    o,
    actorId,
    'order.canceled',
    `canceled by admin from ${o.status}; refund ${refunded} ${o.currency}${reason ? ` — ${reason}` : ''}`,
  );
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
 * §6 refund), a provider order id that settles an order in review, notes and counts.
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
        await activity(tx, o, actorId, 'order.updated', `admin changed ${Object.keys(fields).join(', ')}`);
      }
    }
    return { refunded };
  });
}

/** §5: attaching the provider's order id resolves a review (or records a hand-placed order). */
async function settle(tx: SqlLike, o: LockedOrder, providerOrderId: string, actorId: string): Promise<void> {
  const sources: OrderStatus[] = ['needs_review', 'pending'];
  if (!sources.includes(o.status)) {
    throw invalidTransition(o.status, 'processing', `a ${o.status} order cannot take a provider order id`);
  }
  const providerId = o.providerId ?? o.serviceProviderId;
  if (!providerId) {
    throw new AppError(422, ERROR_CODE.businessRule, 'the order has no provider to look this order id up at');
  }
  const moved = await tx`
    update orders
    set status = 'processing', provider_order_id = ${providerOrderId}, provider_id = ${providerId},
        next_status_check = now(), submitted_at = coalesce(submitted_at, now()), last_error = null,
        unchanged_checks = 0, updated_at = now()
    where id = ${o.id} and status = any(${allowedSources('processing').filter((s) => sources.includes(s))}::text[])
    returning 1`;
  if (moved.length === 0) throw invalidTransition(o.status, 'processing');
  await activity(
    tx,
    { ...o, providerId, providerOrderId },
    actorId,
    'order.provider_order_attached',
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
  const sources = allowedSources(to).filter((s) => MANUAL_SOURCES.includes(s));
  if (!sources.includes(o.status)) throw invalidTransition(o.status, to);

  let remains: number | null = remainsIn ?? null;
  let refund: string | null = null;
  if (to === 'partial') {
    if (remainsIn === undefined) {
      throw new AppError(
        422,
        ERROR_CODE.businessRule,
        'a partial order needs remains (what was not delivered)',
      );
    }
    if (remainsIn > o.quantity) {
      throw new AppError(422, ERROR_CODE.businessRule, `remains cannot exceed the quantity (${o.quantity})`);
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
  await activity(tx, o, actorId, 'order.status_changed', `status ${o.status} → ${to} by admin${money}`);
  return refunded;
}
