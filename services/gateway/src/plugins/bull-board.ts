import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { QUEUE_NAMES } from '@smm/queue';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODE } from '../errors.ts';
import { errorBody } from './error-envelope.ts';
import { pageCsp } from './security-headers.ts';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Bull Board's page: its scripts and styles are its own static files, but its loading screen uses
 * inline styles, so styles (never scripts) may be inline. Its Google Fonts link is not allowed: the
 * admin page loads nothing from elsewhere, and falls back to the system font.
 */
export const BULL_BOARD_CSP = pageCsp({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
});

/**
 * architecture.md#operations Bull Board at /admin/queues for every queue on this gateway's BullMQ prefix, admin only:
 * the session token from the Bearer header or the `token` cookie login sets (so the page loads in
 * a browser). The guard covers the page, its API and its static assets alike.
 *
 * Bull Board installs its own error handler in its scope, so the guard answers with our envelope
 * itself instead of throwing into it. Queues are attached on first use: BullMQ queues built on a
 * Redis connection that is not ready yet stay broken.
 */
export async function registerBullBoard(app: FastifyInstance): Promise<void> {
  const { producer } = app.deps;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'SMM queues' } },
  });
  let attached = false;

  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await app.authenticate(request, reply);
    } catch {
      return reply
        .code(401)
        .send(errorBody(ERROR_CODE.unauthorized, 'sign in as an admin to see the queues'));
    }
    if (request.user.role !== 'admin') {
      return reply.code(403).send(errorBody(ERROR_CODE.forbidden, 'admin role required'));
    }
    if (!attached) {
      if (!producer.ready) {
        return reply
          .code(503)
          .send(errorBody(ERROR_CODE.dependencyUnavailable, 'Redis is unavailable, retry shortly'));
      }
      board.setQueues(QUEUE_NAMES.map((name) => new BullMQAdapter(producer.queue(name))));
      attached = true;
    }
  };

  await app.register(async (scope) => {
    scope.addHook('onRequest', guard);
    scope.addHook('onSend', async (_req, reply) => {
      reply.header('content-security-policy', BULL_BOARD_CSP);
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: BULL_BOARD_PATH });
  });
}
