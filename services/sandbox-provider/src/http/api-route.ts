import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Params } from '../actions/action-context.ts';
import { dispatch } from '../actions/dispatch.ts';
import { parseId } from '../actions/replies.ts';
import type { FaultTarget } from '../faults/fault-engine.ts';
import type { ProviderState } from '../provider-state.ts';
import type { HeldSockets } from './held-sockets.ts';
import { requestParams } from './request-params.ts';
import { isShortCircuit, sendFault } from './send-fault.ts';

/** The SMM v2 endpoint at `/api/v2` (and `/` for panels configured with a bare host), POST or GET. */
export function registerApiRoute(app: FastifyInstance, state: ProviderState, held: HeldSockets): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const params = requestParams(request.body, request.query);
    const action = params.action ?? '';
    state.stats.countRequest(action || '(none)');
    if (action === 'add') state.stats.countAdd(params.service ?? '', params.link ?? '');

    const decision = state.faults.decide(faultTarget(state, action, params));
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    const effect = decision.effect;
    if (effect) state.stats.countFault(effect.type);

    if (effect && isShortCircuit(effect)) return sendFault(reply, effect);
    if (effect?.type === 'drop-before') return dropSocket(request, reply);

    const result = dispatch({ state, now: state.clock(), quirks: decision.quirks }, params);

    if (effect?.type === 'drop-after') return dropSocket(request, reply);
    if (effect?.type === 'timeout-after-accept') {
      reply.hijack();
      held.hold(request.raw.socket, effect.holdMs);
      return;
    }
    if (result.contentType) reply.type(result.contentType);
    return reply.code(result.status).send(result.body);
  };

  for (const url of ['/api/v2', '/']) {
    app.post(url, handler);
    app.get(url, handler);
  }
}

function dropSocket(request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  request.raw.socket.destroy();
}

/** Service and link of the request: from an add's fields, or from the one order it names. */
function faultTarget(state: ProviderState, action: string, params: Params): FaultTarget {
  if (action === 'add') return { action, service: parseId(params.service), link: params.link };
  const id = parseId(params.order);
  const order = id === undefined ? undefined : state.book.get(id);
  return order ? { action, service: order.service, link: order.link } : { action };
}
