import type { ActionHandler } from './action-context.ts';
import { idOut, numOut, ok } from './replies.ts';

export const servicesAction: ActionHandler = (ctx) => {
  if (ctx.quirks.has('services-nulls')) {
    // As a real open-source panel serves it (services.null-desc): strings everywhere, a lower-case
    // type, `desc: null`, `dripfeed` as "0"/"1", no refill/cancel fields, pretty-printed, as text/html.
    const list = ctx.state.settings.catalog.map((s) => ({
      service: String(s.service),
      name: s.name,
      category: s.category,
      rate: s.rate,
      min: String(s.min),
      max: String(s.max),
      type: s.type.toLowerCase(),
      desc: null,
      dripfeed: s.dripfeed ? '1' : '0',
    }));
    return { status: 200, body: JSON.stringify(list, null, 4), contentType: 'text/html; charset=UTF-8' };
  }
  return ok(
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
};
