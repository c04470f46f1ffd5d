import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Reseller } from './reseller.ts';

/** What one v2 action works from: the gateway's dependencies, the key's owner and the request's fields. */
export interface V2Context {
  app: FastifyInstance;
  log: FastifyBaseLogger;
  reseller: Reseller;
  params: Record<string, string>;
}

/** Returns the reply body; throws V2Error for an `{"error": …}` reply. */
export type V2Action = (ctx: V2Context) => Promise<unknown>;
