import type { ActionHandler } from './action-context.ts';
import { idOut, numOut, ok } from './replies.ts';

export const servicesAction: ActionHandler = (ctx) =>
  ok(
    ctx.state.settings.catalog.map((s) => ({
      service: idOut(ctx, s.service),
      name: s.name,
      type: s.type,
      category: s.category,
      rate: numOut(ctx, s.rate),
      min: numOut(ctx, s.min),
      max: numOut(ctx, s.max),
      refill: s.refill,
      cancel: s.cancel,
      dripfeed: s.dripfeed,
    })),
  );
