import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../config.ts';

/** The page paths of the web UI (services/web): each is answered with its index.html. */
export const WEB_PAGES = [
  '/login',
  '/register',
  '/services',
  '/user/account',
  '/user/orders/create',
  '/user/orders',
  '/user/orders/mass',
  // One order by its number (the page says "not found" for anything else).
  '/user/orders/:number',
  '/api',
  '/user/funds',
  '/user/transactions',
  '/admin',
  '/admin/users',
  '/admin/orders',
  '/admin/orders/manual',
  '/admin/providers',
  '/admin/orders/sync',
  '/admin/deposits',
  '/admin/payment-methods',
  '/admin/services',
  '/admin/categories',
] as const;

// Same origin, no inline script or style, nothing framed: the bundle only talks to this gateway.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Paths that are never a web page: the API (`/api` itself is the API page), its docs, Bull Board,
 * the metrics and health probes, the built assets. An unknown path under them keeps the JSON 404.
 */
const NOT_A_PAGE =
  /^\/(?:api\/|docs(?:\/|$)|admin\/queues(?:\/|$)|metrics(?:\/|$)|healthz(?:\/|$)|readyz(?:\/|$)|assets\/)/;

export function isPagePath(path: string): boolean {
  return !NOT_A_PAGE.test(path);
}

/** Where a section's bare path leads: `/user` means the customer's orders (`/admin` is the dashboard). */
const SECTION_HOME: Record<string, string> = { '/user': '/user/orders' };

/** Only plain segments: nothing that could turn into `//host` (an open redirect) once a slash is gone. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9._~-]+)+\/*$/;

/**
 * Where a page path people type should go instead, or null: `/user` → `/user/orders`, and a
 * trailing slash dropped (`/admin/orders/` → `/admin/orders`, `/admin/` → the dashboard).
 */
export function pageRedirect(path: string): string | null {
  if (!isPagePath(path) || !PLAIN_PATH.test(path)) return null;
  const bare = path.replace(/\/+$/, '');
  const to = SECTION_HOME[bare] ?? bare;
  return to === path ? null : to;
}

/** Whether the request is a browser asking for a document (not a script or an API client). */
function wantsHtml(req: FastifyRequest): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The not-found answer for page paths (error-envelope.ts asks it first): a redirect for `/user`
     * and trailing slashes, and for a browser the web page's index.html with status 404, so the
     * pages show their "Page not found". False when the request is not one of those.
     */
    pageNotFound?: (req: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
  }
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SMM panel</title></head>
<body><h1>Web UI not built</h1><p>Run <code>npm run build -w @smm/web</code> (npm start does it for you).
The API at <a href="/docs">/docs</a> works without it.</p></body></html>`;

/** WEB_DIST_DIR, else `dist` next to @smm/web's package.json; null when neither can be found. */
export function resolveWebDist(config: Pick<GatewayConfig, 'webDistDir'>): string | null {
  if (config.webDistDir) return config.webDistDir;
  try {
    return join(dirname(fileURLToPath(import.meta.resolve('@smm/web/package.json'))), 'dist');
  } catch {
    return null;
  }
}

/**
 * Serves the built web pages from the same origin as the API: `/assets/*` (hashed, cached for a
 * year) and index.html for every page path; `/` redirects to the signed-in user's start page or
 * /login. Without a build the API works as ever and the pages answer 503 with how to build them.
 * Any other page path a browser opens answers 404 with index.html (the pages' "Page not found");
 * `/favicon.svg` is the build's icon and `/favicon.ico` redirects to it.
 */
export async function registerWebPages(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  const dist = resolveWebDist(config);
  const indexFile = dist ? join(dist, 'index.html') : null;
  const built = indexFile !== null && existsSync(indexFile) && existsSync(join(dist!, 'assets'));
  if (!built) {
    app.log.warn({ dist }, 'web UI not built: run npm run build -w @smm/web; the pages answer 503');
  }

  const page = async (req: FastifyRequest, reply: FastifyReply, status = 200) => {
    reply.header('cache-control', 'no-cache');
    if (!built)
      return reply
        .code(status === 200 ? 503 : status)
        .type('text/html; charset=utf-8')
        .send(NOT_BUILT);
    // Read per request (it is tiny): a rebuild while the gateway runs is picked up at once.
    const html = await readFile(indexFile!, 'utf8');
    // Whether the page came with a session: without one the pages need not ask GET /api/user/me only
    // to be told 401 (a console error on every signed-out page). Only a hint: the API still decides.
    const session = app.tokenUser(req) ? 'signed-in' : 'none';
    return reply
      .code(status)
      .header('content-security-policy', CSP)
      .type('text/html; charset=utf-8')
      .send(html.replace('</head>', `<meta name="session" content="${session}" />\n  </head>`));
  };

  app.decorate('pageNotFound', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const [path = '/', search] = req.url.split('?', 2);
    const to = pageRedirect(path);
    if (to) {
      // Dropping a slash is for good; a section's home page may change.
      const permanent = to === path.replace(/\/+$/, '');
      await reply.redirect(search === undefined ? to : `${to}?${search}`, permanent ? 301 : 302);
      return true;
    }
    if (!isPagePath(path) || !wantsHtml(req)) return false;
    await page(req, reply, 404);
    return true;
  });

  // nosniff, X-Frame-Options, Referrer-Policy and the rest come from security-headers.ts, like on
  // every response; the pages add their own strict CSP below.
  await app.register(async (scope) => {
    if (built) {
      await scope.register(fastifyStatic, {
        root: join(dist!, 'assets'),
        prefix: '/assets/',
        decorateReply: false,
        index: false,
        wildcard: true,
        cacheControl: true,
        immutable: true,
        maxAge: '365d',
      });
    }

    // While registration is closed its page is no page (404); the app still says why, not just "not found".
    const status = (url: string) => (url === '/register' && !config.allowRegistration ? 404 : 200);
    for (const url of WEB_PAGES) {
      scope.get(url, { schema: { hide: true } }, (req, reply) => page(req, reply, status(url)));
    }

    // The icon is the build's (services/web/public/favicon.svg); browsers that ask for /favicon.ico get it too.
    const favicon = dist ? join(dist, 'favicon.svg') : null;
    scope.get('/favicon.svg', { schema: { hide: true } }, async (_req, reply) => {
      if (!favicon || !existsSync(favicon)) return reply.callNotFound();
      return reply
        .header('cache-control', 'public, max-age=86400')
        .type('image/svg+xml')
        .send(await readFile(favicon));
    });
    scope.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) =>
      reply.redirect('/favicon.svg', 301),
    );

    scope.get('/', { schema: { hide: true } }, async (req, reply) => {
      const role = app.tokenUser(req)?.role ?? null;
      const to = role === 'admin' ? '/admin/orders' : role === 'user' ? '/user/orders/create' : '/login';
      return reply.redirect(to, 302);
    });
  });
}
