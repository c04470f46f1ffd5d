import type { FastifyInstance } from 'fastify';
import type { GatewayDeps } from '../deps.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Postgres, the queue producer, Redis, config and logger, shared by every route. */
    deps: GatewayDeps;
  }
}

export function decorateDeps(app: FastifyInstance, deps: GatewayDeps): void {
  app.decorate('deps', deps);
}
