import type { ServiceDef } from '../catalog.ts';
import { orderCharge } from '../money-format.ts';
import { planOrder } from '../orders/plan-order.ts';
import { findOutcome } from '../outcomes.ts';
import type { ActionContext, ActionHandler, ActionReply, Params } from './action-context.ts';
import { ERRORS, fail, idOut, ok, parseId } from './replies.ts';

interface Sized {
  quantity: number;
  runs?: number;
  interval?: number;
}

export const addAction: ActionHandler = (ctx, params) => {
  const { state, now } = ctx;
  const serviceId = parseId(params.service);
  const service = serviceId === undefined ? undefined : state.services.get(serviceId);
  if (!service) return fail(ctx, ERRORS.service);

  const link = params.link?.trim() ?? '';
  if (link === '') return fail(ctx, ERRORS.link);

  const sized = sizeOf(ctx, service, params);
  if ('status' in sized) return sized;

  if (state.settings.rejectActiveLink && state.book.activeFor(service.service, link, now)) {
    return fail(ctx, ERRORS.activeLink);
  }

  const units = sized.quantity * (sized.runs ?? 1);
  const charge = orderCharge(
    service.rate,
    units,
    service.type === 'Package' || service.type === 'Custom Comments Package',
  );
  if (!state.book.canAfford(charge, now)) return fail(ctx, ERRORS.funds, 402);

  const id = state.book.allocateId();
  const forced = findOutcome(state.outcomes, service.service, link);
  const order = planOrder(
    {
      id,
      service: service.service,
      link,
      quantity: units,
      charge,
      runs: sized.runs,
      interval: sized.interval,
    },
    now,
    state.settings.plan,
    forced,
  );
  const previous = state.book.lastId();
  state.book.insert(order);
  state.stats.countAccepted(params.service ?? '', params.link ?? '');
  // A provider that answers one id for two orders: the reply names the order before this one.
  const answered = ctx.quirks.has('repeat-order-id') && previous !== undefined ? previous : id;
  return acceptedReply(ctx, idOut(ctx, answered));
};

/** How the accepted order's id comes back: the reference shape, or one of the shapes real panels send. */
function acceptedReply(ctx: ActionContext, orderId: number | string): ActionReply {
  const q = ctx.quirks;
  if (q.has('id-with-429')) return { status: 429, body: { order: String(orderId) } };
  if (q.has('id-with-400')) return { status: 400, body: { order: String(orderId) } };
  if (q.has('id-with-empty-error')) return ok({ order: String(orderId), error: '' });
  if (q.has('id-and-error')) return ok({ order: String(orderId), error: ERRORS.idAndError });
  if (q.has('json-4xx-without-error')) return { status: 400, body: { status: 'fail' } };
  return ok(q.has('status-success') ? { status: 'success', order: orderId } : { order: orderId });
}

/** How much the add asks for, by service type, checked against min/max. */
function sizeOf(ctx: ActionContext, service: ServiceDef, params: Params): Sized | ActionReply {
  // A package is one fixed bundle: whatever quantity was sent is ignored (some panels insist on one).
  if (service.type === 'Package') {
    if (ctx.quirks.has('package-needs-quantity') && (params.quantity ?? '').trim() === '') {
      return fail(ctx, ERRORS.quantityRequired);
    }
    return { quantity: 1 };
  }

  if (service.type === 'Custom Comments Package') {
    if (commentCount(params) === 0) return fail(ctx, ERRORS.comments);
    return { quantity: 1 };
  }
  let quantity: number;
  if (service.type === 'Custom Comments') {
    const lines = (params.comments ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0) return fail(ctx, ERRORS.comments);
    quantity = lines.length;
  } else {
    const raw = params.quantity?.trim() ?? '';
    if (!/^\d{1,12}$/.test(raw)) return fail(ctx, ERRORS.quantity);
    quantity = Number(raw);
  }
  if (quantity < service.min) return fail(ctx, `Quantity less than minimal ${service.min}`);
  if (quantity > service.max) return fail(ctx, `Quantity more than maximal ${service.max}`);

  if (params.runs === undefined && params.interval === undefined) return { quantity };
  if (!service.dripfeed) return fail(ctx, ERRORS.dripfeed);
  const runs = parseId(params.runs);
  if (runs === undefined || runs > 1000) return fail(ctx, ERRORS.runs);
  const interval = parseId(params.interval);
  if (interval === undefined || interval > 100_000) return fail(ctx, ERRORS.interval);
  return { quantity, runs, interval };
}

function commentCount(params: Params): number {
  return (params.comments ?? '').split(/\r?\n/).filter((l) => l.trim() !== '').length;
}
