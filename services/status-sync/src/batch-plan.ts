import {
  cancelRefundAmount,
  canTransition,
  dec,
  isTerminal,
  isZeroMoney,
  mapProviderStatus,
  type OrderStatus,
  partialRefundAmount,
} from '@smm/domain';
import type { PerOrder, ProviderOrderStatus } from '@smm/provider-client';
import { nextCheckDelayMs } from './polling-schedule.ts';

/** An order as the batch read it (bigints as text, money as decimal strings). */
export interface LoadedOrder {
  id: string;
  userId: string;
  status: OrderStatus;
  providerOrderId: string;
  quantity: number;
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

export interface BatchPlan {
  rows: RowUpdate[];
  refunds: PlannedRefund[];
  activity: PlannedActivity[];
  errors: Array<{ orderId: string; message: string }>;
}

// numeric(20,6) and bigint bounds: an absurd number from a provider must not fail the whole batch.
const MAX_CHARGE = dec('99999999999999');

/** Turns one provider reply into the batch's writes. Pure: the caller does the I/O. */
export function planBatch(
  orders: LoadedOrder[],
  reply: Map<string, PerOrder<ProviderOrderStatus>>,
): BatchPlan {
  const plan: BatchPlan = { rows: [], refunds: [], activity: [], errors: [] };
  for (const order of orders) {
    const entry = reply.get(order.providerOrderId) ?? { ok: false, error: 'missing from the provider reply' };
    if (!entry.ok) {
      const unchanged = order.unchangedChecks + 1;
      const message = `provider: ${entry.error}`.slice(0, 500);
      plan.errors.push({ orderId: order.id, message });
      plan.rows.push({
        id: order.id,
        expected: order.status,
        status: order.status,
        ok: false,
        providerStatus: null,
        startCount: null,
        remains: null,
        charge: null,
        currency: null,
        nextInMs: nextCheckDelayMs({
          ageMs: order.ageMs,
          unchangedChecks: unchanged,
          moved: false,
          terminal: false,
          orderError: true,
        }),
        unchanged,
        lastError: message,
        terminal: false,
      });
      continue;
    }
    plan.rows.push(planOrder(order, entry.value, plan));
  }
  return plan;
}

function planOrder(order: LoadedOrder, v: ProviderOrderStatus, plan: BatchPlan): RowUpdate {
  const mapped = mapProviderStatus(v.status, order.status);
  // Defensive: the state machine allows every move out of an active status, but never write one it forbids.
  const status = canTransition(order.status, mapped.status) ? mapped.status : order.status;
  const providerStatus = v.status.slice(0, 100);
  const startCount = safeInt(v.startCount);
  const remains = safeInt(v.remains);
  const terminal = isTerminal(status);
  const moved =
    status !== order.status ||
    providerStatus !== order.providerStatus ||
    remains !== order.remains ||
    (startCount !== null && startCount !== order.startCount);
  const unchanged = moved ? 0 : order.unchangedChecks + 1;

  let lastError: string | null = null;
  if (!mapped.recognised) lastError = `provider status "${providerStatus}" not recognised; status kept`;

  let refundText = '';
  if (status === 'partial') {
    const r = partialRefundAmount(order.price, v.remains, order.quantity);
    if (r.remainsUnknown) {
      lastError = `partial with unknown remains (${JSON.stringify(v.remainsRaw)}): no automatic refund, an admin must decide`;
      refundText = '; remains unknown: no automatic refund';
    } else if (!isZeroMoney(r.amount)) {
      plan.refunds.push({
        orderId: order.id,
        userId: order.userId,
        kind: 'partial',
        amount: r.amount,
        note: `partial: ${Math.min(Math.max(v.remains ?? 0, 0), order.quantity)} of ${order.quantity} not delivered`,
      });
      refundText = `; refund ${r.amount} ${order.currency}`;
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
    nextInMs: nextCheckDelayMs({
      ageMs: order.ageMs,
      unchangedChecks: unchanged,
      moved,
      terminal,
      orderError: false,
    }),
    unchanged,
    lastError,
    terminal,
  };
}

function safeInt(n: number | null): string | null {
  return n !== null && Number.isSafeInteger(n) ? String(n) : null;
}
