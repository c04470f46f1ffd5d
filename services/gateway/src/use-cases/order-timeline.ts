import { ACTIVITY, requestAction } from '@smm/db';
import {
  CUSTOMER_STATUS_WORD,
  type CustomerStatus,
  customerStatus,
  ORDER_STATUSES,
  type OrderStatus,
} from '@smm/domain';

/** One step of an order's history as its customer sees it. */
export interface TimelineEvent {
  at: string;
  /** The order's status (the customer's word for it) after this step. */
  status: CustomerStatus;
  text: string;
  /** Money given back by this step (exact), else null. */
  amount: string | null;
}

export interface TimelineActivity {
  action: string;
  message: string | null;
  createdAt: string;
}

export interface TimelineRefill {
  id: string;
  number: number;
  status: string;
  createdAt: string;
}

/** A refill request's state in the customer's words: the panel's inner steps read as pending. */
export const CUSTOMER_REFILL_STATUSES = ['pending', 'in_progress', 'completed', 'rejected'] as const;
export type CustomerRefillStatus = (typeof CUSTOMER_REFILL_STATUSES)[number];

export function customerRefillStatus(status: string): CustomerRefillStatus {
  if (status === 'processing') return 'in_progress';
  if (status === 'completed' || status === 'rejected') return status;
  return 'pending';
}

const isOrderStatus = (s: string | undefined): s is OrderStatus =>
  s !== undefined && (ORDER_STATUSES as readonly string[]).includes(s);

/**
 * The status an activity row moved the order to, read from the orders module's own message format
 * (`status processing → partial (provider: …)`, `settled by admin (…): refund …, needs_review → partial — note`).
 * Only the status word is taken, and only when it is one: nothing else of the message is ever used.
 */
function movedTo(action: string, message: string | null): OrderStatus | null {
  if (!message) return null;
  const m =
    action === ACTIVITY.orderSettled
      ? /, (\w+) → (\w+)$/.exec(message.split(' — ', 1)[0] ?? '')
      : /^status (\w+) → (\w+)/.exec(message);
  return isOrderStatus(m?.[2]) ? m[2] : null;
}

/** The refill an activity row names (`refill <id> requested`, `refill <id>: …`). */
function refillOf(message: string | null, refills: ReadonlyMap<string, number>): number | null {
  const id = message ? /^refill (\S+?)(?::|\s|$)/.exec(message)?.[1] : undefined;
  return id === undefined ? null : (refills.get(id) ?? null);
}

const REFILL_TEXT: Record<string, string> = {
  [ACTIVITY.refillRequested]: 'requested',
  [requestAction.refill('processing')]: 'in progress',
  [requestAction.refill('completed')]: 'completed',
  [requestAction.refill('rejected')]: 'refused',
};

/**
 * An order's timeline for its customer, built from its activity rows and refunds: placed, sent on
 * ("Processing"), each change of the customer's status, refunds with their amount, cancel and refill
 * requests and their outcome. Nothing of what a row says is passed on — no provider text or name,
 * no internal id, no admin note: each step's text is chosen here from its action, and the inner
 * states (being sent, waiting for a review, a resend) are no step at all.
 */
export function customerTimeline(
  activity: readonly TimelineActivity[],
  refunds: readonly { amount: string; createdAt: string }[],
  refills: readonly TimelineRefill[],
): TimelineEvent[] {
  const refillNumbers = new Map(refills.map((r) => [r.id, r.number]));
  // A refund is written in the same transaction as the change that gives it: after it, at one instant.
  const steps = [
    ...activity.map((a) => ({ at: a.createdAt, rank: 0, activity: a, refund: null })),
    ...refunds.map((r) => ({ at: r.createdAt, rank: 1, activity: null, refund: r.amount })),
  ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.rank - y.rank));

  const events: TimelineEvent[] = [];
  let status: CustomerStatus = 'pending';
  const push = (at: string, text: string, amount: string | null = null) =>
    events.push({ at, status, text, amount });

  for (const step of steps) {
    if (step.refund !== null) {
      push(step.at, 'Refunded to your balance', step.refund);
      continue;
    }
    const { action, message } = step.activity!;
    const to = (s: OrderStatus) => {
      const next = customerStatus(s);
      if (next === status) return;
      status = next;
      push(step.at, CUSTOMER_STATUS_WORD[next]);
    };
    switch (action) {
      case ACTIVITY.orderCreated:
      case ACTIVITY.orderCreatedManual:
        push(step.at, 'Order placed');
        break;
      case ACTIVITY.orderForwarded:
        to('processing');
        break;
      case ACTIVITY.orderStatusChanged:
      case ACTIVITY.orderSettled: {
        const s = movedTo(action, message);
        if (s) to(s);
        break;
      }
      case ACTIVITY.orderCanceled:
      case ACTIVITY.orderRejected:
        to('canceled');
        break;
      case ACTIVITY.orderResend:
        to('pending');
        break;
      case ACTIVITY.orderCancelRequested:
        push(step.at, 'Cancel requested');
        break;
      case requestAction.cancel('rejected'):
        push(step.at, 'Cancel refused: the order goes on');
        break;
      default: {
        const word = REFILL_TEXT[action];
        if (word) {
          const n = refillOf(message, refillNumbers);
          push(step.at, `Refill ${n === null ? '' : `#${n} `}${word}`);
        }
      }
    }
  }
  return events;
}
