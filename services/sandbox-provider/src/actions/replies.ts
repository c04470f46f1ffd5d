import type { ActionContext, ActionReply } from './action-context.ts';

/** The error texts real panels send, word for word: clients match on them. */
export const ERRORS = {
  apiKey: 'Invalid API key',
  service: 'Incorrect service ID',
  order: 'Incorrect order ID',
  funds: 'Not enough funds on balance',
  request: 'Incorrect request',
  action: 'Incorrect action',
  link: 'Incorrect link',
  quantity: 'Incorrect quantity',
  comments: 'Incorrect comments',
  dripfeed: 'Drip-feed is disabled for this service',
  runs: 'Incorrect runs',
  interval: 'Incorrect interval',
  activeLink: 'You have active order with this link. Please wait until order being completed.',
  tooManyOrders: 'Too many orders: at most 100 per request',
  refillDisabled: 'Refill is disabled for this service',
  refillNotCompleted: 'Order is not completed yet',
  refillNotFound: 'Refill not found',
  cancelDisabled: 'Cancel is disabled for this service',
  cancelFinished: 'Order is already finished',
  quantityRequired: 'Quantity is required',
  actionInvalid: 'This action is Invalid',
  idAndError: 'Service temporarily unavailable',
} as const;

export function ok(body: unknown): ActionReply {
  return { status: 200, body };
}

/**
 * `{"error": …}` with HTTP 200, as most panels do; with a 4xx under the `error-4xx` quirk; as
 * `{"status":"error","message":…}` or `{"success":false,"message":…}` under those quirks.
 */
export function fail(ctx: ActionContext, message: string, statusIf4xx = 400): ActionReply {
  const status = ctx.quirks.has('error-4xx') ? statusIf4xx : 200;
  if (ctx.quirks.has('status-error-message')) return { status, body: { status: 'error', message } };
  if (ctx.quirks.has('success-false-message')) return { status, body: { success: false, message } };
  return { status, body: { error: message } };
}

export function idOut(ctx: ActionContext, id: number): number | string {
  return ctx.quirks.has('string-ids') ? String(id) : id;
}

/** Numbers travel as strings by default (as the reference panel sends them), as numbers under the quirk. */
export function numOut(ctx: ActionContext, value: string | number): string | number {
  return ctx.quirks.has('numbers') ? Number(value) : String(value);
}

/** Parses a positive integer id; anything else is not an id. */
export function parseId(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n > 0 ? n : undefined;
}

/** `1,2, 3` → trimmed, non-empty parts, in order. */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const MAX_MULTI = 100;
