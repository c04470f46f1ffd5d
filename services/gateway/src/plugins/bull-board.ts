import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { QUEUE_NAMES } from '@smm/queue';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODE } from '../errors.ts';
import { errorBody } from './error-envelope.ts';
import { OWN_FILES_PAGE_CSP } from './security-headers.ts';

export const BULL_BOARD_PATH = '/admin/queues';

const GOOGLE_FONTS_LINK = /<link[^>]+href="https:\/\/fonts\.googleapis\.com[^>]*>\s*/g;

/**
 * Bull Board's page: its scripts and styles are its own static files, but its loading screen uses
 * inline styles, so styles (never scripts) may be inline. Its Google Fonts link is not allowed (and
 * is taken out of the page): the admin page loads nothing from elsewhere, and uses the system font.
 */
export const BULL_BOARD_CSP = OWN_FILES_PAGE_CSP;

/**
 * architecture.md#operations Bull Board at /admin/queues for every queue on this gateway's BullMQ prefix, admin only:
 * the session token from the Bearer header or the `token` cookie login sets (so the page loads in
 * a browser). The guard covers the page, its API and its static assets alike; a browser that is not
 * signed in is sent to `/login?next=` the board, anything else gets the 401.
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
    // The header's menu leads back to the panel's own admin pages.
    options: {
      uiConfig: { boardTitle: 'SMM queues', miscLinks: [{ text: 'Admin pages', url: '/admin/orders' }] },
    },
  });
  let attached = false;

  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await app.authenticate(request, reply);
    } catch {
      // A browser opening the board signs in first and comes back; an API client gets the 401.
      if (request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')) {
        return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 302);
      }
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
    scope.addHook('onSend', async (_req, reply, payload) => {
      reply.header('content-security-policy', BULL_BOARD_CSP);
      // Its page links a Google Fonts stylesheet the CSP refuses (a console error on every load): the
      // link is dropped, the system font is used either way.
      if (typeof payload === 'string' && String(reply.getHeader('content-type')).startsWith('text/html')) {
        return payload.replace(GOOGLE_FONTS_LINK, '');
      }
      return payload;
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: BULL_BOARD_PATH });
  });
}
