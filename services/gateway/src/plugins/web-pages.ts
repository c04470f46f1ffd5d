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
  '/user/orders/create',
  '/user/orders',
  '/api',
  '/user/funds',
  '/user/transactions',
  '/admin/orders',
  '/admin/orders/manual',
  '/admin/providers',
  '/admin/orders/sync',
  '/admin/deposits',
  '/admin/payment-methods',
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
 */
export async function registerWebPages(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  const dist = resolveWebDist(config);
  const indexFile = dist ? join(dist, 'index.html') : null;
  const built = indexFile !== null && existsSync(indexFile) && existsSync(join(dist!, 'assets'));
  if (!built) {
    app.log.warn({ dist }, 'web UI not built: run npm run build -w @smm/web; the pages answer 503');
  }

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

    const page = async (_req: FastifyRequest, reply: FastifyReply) => {
      reply.header('cache-control', 'no-cache');
      if (!built) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      // Read per request (it is tiny): a rebuild while the gateway runs is picked up at once.
      const html = await readFile(indexFile!, 'utf8');
      return reply.header('content-security-policy', CSP).type('text/html; charset=utf-8').send(html);
    };
    for (const url of WEB_PAGES) scope.get(url, { schema: { hide: true } }, page);

    scope.get('/', { schema: { hide: true } }, async (req, reply) => {
      const role = await req
        .jwtVerify()
        .then(() => req.user.role)
        .catch(() => null);
      const to = role === 'admin' ? '/admin/orders' : role === 'user' ? '/user/orders/create' : '/login';
      return reply.redirect(to, 302);
    });
  });
}
