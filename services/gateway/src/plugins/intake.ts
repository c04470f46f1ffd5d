import type { FastifyInstance } from 'fastify';
import { ForwardQueue } from '../use-cases/forwarding.ts';
import { IntakeCache } from '../use-cases/intake-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** One pricing cache and one batched forward queue per gateway, shared by customer and admin intake. */
    intake: { cache: IntakeCache; forwardQueue: ForwardQueue };
  }
}

export function decorateIntake(app: FastifyInstance): void {
  app.decorate('intake', { cache: new IntakeCache(), forwardQueue: new ForwardQueue(app.deps.producer) });
}
