import type { FastifyInstance } from 'fastify';
import { buildRepositories, type Repositories } from '../repositories/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The data access the routes and use-cases share (routes hold no SQL). */
    repos: Repositories;
  }
}

export function decorateRepositories(app: FastifyInstance): void {
  app.decorate('repos', buildRepositories(app.deps.db));
}
