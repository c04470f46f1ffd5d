import type { FastifyReply } from 'fastify';
import { CLOUDFLARE_CHALLENGE_HTML } from '../faults/cloudflare-page.ts';
import type { FaultEffect } from '../faults/fault-rules.ts';

/** Effects that answer instead of the panel: the request is never processed. */
export type ShortCircuitEffect = Extract<
  FaultEffect,
  { type: 'rate-limit' | 'unavailable' | 'server-error' | 'html' | 'error-reply' }
>;

export function isShortCircuit(effect: FaultEffect): effect is ShortCircuitEffect {
  return (
    effect.type === 'rate-limit' ||
    effect.type === 'unavailable' ||
    effect.type === 'server-error' ||
    effect.type === 'html' ||
    effect.type === 'error-reply'
  );
}

export function sendFault(reply: FastifyReply, effect: ShortCircuitEffect): FastifyReply {
  switch (effect.type) {
    case 'rate-limit':
      return reply.code(429).header('retry-after', String(effect.retryAfterSec)).send('');
    case 'unavailable':
      return reply.code(503).send('');
    case 'server-error':
      return reply.code(effect.status).type('text/plain; charset=utf-8').send(effect.body);
    case 'html':
      return reply.code(effect.status).type('text/html; charset=UTF-8').send(CLOUDFLARE_CHALLENGE_HTML);
    case 'error-reply':
      return reply.code(effect.status).send({ error: effect.error });
  }
}
