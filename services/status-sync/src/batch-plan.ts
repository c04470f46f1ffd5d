import type { BatchWrites, PlannedActivity, RowUpdate } from '@smm/db';
import {
  cancelRefundAmount,
  canTransition,
  dec,
  isPackageService,
  isTerminal,
  isZeroMoney,
  mapProviderStatus,
  type OrderStatus,
  partialRefundAmount,
  REVIEW_KIND,
  type ReviewKind,
} from '@smm/domain';
import type { PerOrder, ProviderOrderStatus } from '@smm/provider-client';

export type { PlannedActivity, PlannedRefund, RowUpdate } from '@smm/db';
/** What one provider reply means for the batch: its writes (`writeBatch`) and its per-order errors. */
export type BatchPlan = BatchWrites;

import { MAX_POLL_MS, nextCheckDelayMs } from './polling-schedule.ts';

/** An order as the batch read it (bigints as text, money as decimal strings). */
export interface LoadedOrder {
  id: string;
  userId: string;
  status: OrderStatus;
  providerOrderId: string;
  /** What the order delivers in total (its `units`: quantity × runs). */
  quantity: number;
  /** What was sold (the order's snapshot): a package's remains are not units of the order. */
  serviceType: string;
  /** Drip-feed runs, when the order is one. */
  runs: number | null;
  /** Consecutive per-order errors in earlier replies. */
  syncErrors: number;
  price: string;
  currency: string;
  providerStatus: string | null;
  startCount: string | null;
  remains: string | null;
  unchangedChecks: number;
  ageMs: number;
  /** Σ refunds already in the ledger for this order. */
  refunded: string;
}

export interface PlanSettings {
  /** Per-order errors in a row before the order stops being polled and goes to needs_review. */
  maxOrderErrors: number;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = { maxOrderErrors: 12 };

// numeric(20,6) and bigint bounds: an absurd number from a provider must not fail the whole batch.
const MAX_CHARGE = dec('99999999999999');

/** Turns one provider reply into the batch's writes. Pure: the caller does the I/O. */
export function planBatch(
  orders: LoadedOrder[],
  reply: Map<string, PerOrder<ProviderOrderStatus>>,
  settings: PlanSettings = DEFAULT_PLAN_SETTINGS,
): BatchPlan {
  const plan: BatchPlan = { rows: [], refunds: [], activity: [], errors: [] };
  for (const order of orders) {
    const entry = reply.get(order.providerOrderId) ?? { ok: false, error: 'missing from the provider reply' };
    plan.rows.push(
      entry.ok ? planOrder(order, entry.value, plan) : planOrderError(order, entry.error, plan, settings),
    );
  }
  return plan;
}

/**
 * The provider answered an error for this order ("Incorrect order ID"): counted on the order, polled
 * less and less often, and after `maxOrderErrors` in a row sent to needs_review instead of being
 * polled forever. Its status and provider fields stay as they were.
 */
function planOrderError(
  order: LoadedOrder,
  error: string,
  plan: BatchPlan,
  settings: PlanSettings,
): RowUpdate {
  const unchanged = order.unchangedChecks + 1;
  const syncErrors = order.syncErrors + 1;
  const message = `provider: ${error}`.slice(0, 500);
  plan.errors.push({ orderId: order.id, message });
  const giveUp = syncErrors >= settings.maxOrderErrors;
  const base = {
    id: order.id,
    expected: order.status,
    ok: false,
    providerStatus: null,
    startCount: null,
    remains: null,
    charge: null,
    currency: null,
    unchanged,
    syncErrors,
    terminal: false,
  };
  if (giveUp) {
    const why = `the provider answered an error for this order ${syncErrors} times in a row (${error}): check the provider order id`;
    plan.activity.push(reviewActivity(order, why));
    return {
      ...base,
      status: 'needs_review',
      nextInMs: null,
      reviewKind: REVIEW_KIND.syncErrors,
      lastError: why,
    };
  }
  return {
    ...base,
    status: order.status,
    // Backing off: each error in a row doubles the wait (from the usual error minimum), capped.
    nextInMs: Math.min(
      MAX_POLL_MS * 6,
      (nextCheckDelayMs({
        ageMs: order.ageMs,
        unchangedChecks: unchanged,
        moved: false,
        terminal: false,
        orderError: true,
      }) ?? MAX_POLL_MS) *
        2 ** Math.min(syncErrors - 1, 8),
    ),
    reviewKind: null,
    lastError: message,
  };
}

function reviewActivity(order: LoadedOrder, message: string): PlannedActivity {
  return {
    orderId: order.id,
    userId: order.userId,
    providerOrderId: order.providerOrderId,
    from: order.status,
    to: 'needs_review',
    message,
    reply: {},
  };
}

function planOrder(order: LoadedOrder, v: ProviderOrderStatus, plan: BatchPlan): RowUpdate {
  const mapped = mapProviderStatus(v.status, order.status);
  // Defensive: the state machine allows every move out of an active status, but never write one it forbids.
  let status = canTransition(order.status, mapped.status) ? mapped.status : order.status;
  const providerStatus = v.status.slice(0, 100);
  const startCount = safeInt(v.startCount);
  // Pending/Processing replies often carry remains "0" by default: that is not delivery. Remains
  // count only from In progress on.
  const remains = status === 'processing' ? order.remains : safeInt(v.remains);
  const moved =
    status !== order.status ||
    providerStatus !== order.providerStatus ||
    remains !== order.remains ||
    (startCount !== null && startCount !== order.startCount);
  const unchanged = moved ? 0 : order.unchangedChecks + 1;

  let lastError: string | null = null;
  let reviewKind: ReviewKind | null = null;
  if (!mapped.recognised) lastError = `provider status "${providerStatus}" not recognised; status kept`;

  let refundText = '';
  if (status === 'partial') {
    // Automation may only refund what the reply proves: remains in units of this order. A package's
    // remains are the provider's own units, and a Partial without remains (drip-feed replies) proves
    // nothing — an admin settles those once, through the same refund path.
    const why = isPackageService(order.serviceType)
      ? `the provider reports a package Partial (remains ${JSON.stringify(v.remainsRaw)} are not units of this order): settle the refund`
      : v.remains === null
        ? `the provider reports Partial without readable remains (${JSON.stringify(v.remainsRaw)}): settle the refund`
        : null;
    if (why !== null) {
      status = 'needs_review';
      reviewKind = REVIEW_KIND.settleRefund;
      lastError = why;
      refundText = '; no automatic refund: waits for an admin to settle';
    } else {
      const r = partialRefundAmount(order.price, v.remains, order.quantity);
      if (!isZeroMoney(r.amount)) {
        plan.refunds.push({
          orderId: order.id,
          userId: order.userId,
          kind: 'partial',
          amount: r.amount,
          note: `partial: ${Math.min(Math.max(v.remains ?? 0, 0), order.quantity)} of ${order.quantity} not delivered`,
        });
        refundText = `; refund ${r.amount} ${order.currency}`;
      }
    }
  } else if (status === 'canceled') {
    const amount = cancelRefundAmount(order.price, order.refunded);
    if (!isZeroMoney(amount)) {
      plan.refunds.push({
        orderId: order.id,
        userId: order.userId,
        kind: 'canceled',
        amount,
        note: 'canceled by the provider',
      });
      refundText = `; refund ${amount} ${order.currency}`;
    }
  }
  const terminal = isTerminal(status);

  const reply: Record<string, unknown> = {
    status: v.status,
    charge: v.charge,
    start_count: v.startCount,
    remains: v.remainsRaw,
    currency: v.currency,
  };
  if (status !== order.status) {
    plan.activity.push({
      orderId: order.id,
      userId: order.userId,
      providerOrderId: order.providerOrderId,
      from: order.status,
      to: status,
      message: `status ${order.status} → ${status} (provider: "${providerStatus}")${refundText}`,
      reply,
    });
  }

  const charge = v.charge !== null && dec(v.charge).abs().lte(MAX_CHARGE) ? v.charge : null;
  return {
    id: order.id,
    expected: order.status,
    status,
    ok: true,
    providerStatus,
    startCount,
    remains,
    charge,
    currency: v.currency,
    nextInMs:
      status === 'needs_review'
        ? null
        : nextCheckDelayMs({
            ageMs: order.ageMs,
            unchangedChecks: unchanged,
            moved,
            terminal,
            orderError: false,
          }),
    unchanged,
    syncErrors: 0,
    reviewKind,
    lastError,
    terminal,
  };
}

function safeInt(n: number | null): string | null {
  return n !== null && Number.isSafeInteger(n) ? String(n) : null;
}
