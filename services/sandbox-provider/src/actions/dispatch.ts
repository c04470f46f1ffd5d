import type { ActionContext, ActionHandler, ActionReply, Params } from './action-context.ts';
import { addAction } from './add-action.ts';
import { balanceAction } from './balance-action.ts';
import { cancelAction } from './cancel-action.ts';
import { refillAction, refillStatusAction } from './refill-actions.ts';
import { ERRORS, fail } from './replies.ts';
import { servicesAction } from './services-action.ts';
import { statusAction } from './status-action.ts';

const HANDLERS: Readonly<Record<string, ActionHandler>> = {
  services: servicesAction,
  add: addAction,
  status: statusAction,
  refill: refillAction,
  refill_status: refillStatusAction,
  cancel: cancelAction,
  balance: balanceAction,
};

/** Runs one SMM v2 request: the key first (as panels do), then the action. */
export function dispatch(ctx: ActionContext, params: Params): ActionReply {
  const key = params.key;
  if (key === undefined || !ctx.state.settings.apiKeys.includes(key)) return fail(ctx, ERRORS.apiKey, 401);
  const action = params.action;
  if (action === undefined || action === '') return fail(ctx, ERRORS.request);
  const handler = Object.hasOwn(HANDLERS, action) ? HANDLERS[action] : undefined;
  return handler ? handler(ctx, params) : fail(ctx, ERRORS.action);
}
