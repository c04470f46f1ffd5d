import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from '../config.ts';

/**
 * What every gateway response says by default (the API's JSON, errors, 404s, /metrics): nothing may
 * run, load or frame it. Pages that render (the web UI, /docs, Bull Board) send their own policy, each
 * keeping `frame-ancestors 'none'` (see `pageCsp`).
 */
export const API_CSP = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

type Directives = Record<string, string[]>;

/** A page's CSP header value: its own directives, never frameable, never posting or loading elsewhere. */
export function pageCsp(directives: Directives): string {
  const all: Directives = {
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    ...directives,
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(all)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * A page served from its own static files whose bundle injects inline styles: scripts, styles,
 * images, fonts and requests from this origin only, styles (never scripts) also inline. /docs
 * (Swagger UI) and Bull Board are such pages.
 */
export const OWN_FILES_PAGE_CSP = pageCsp({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
});

/**
 * Security headers on every response (@fastify/helmet, registered first so its onRequest hook runs
 * before anything can answer — auth guards, rate limits and 404s included):
 *
 * - `Content-Security-Policy` API_CSP; pages override it with their own (a header set on the reply
 *   wins over helmet's raw one);
 * - `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy: same-origin`,
 *   `Cross-Origin-Opener-Policy`/`-Resource-Policy: same-origin` and helmet's other defaults;
 * - `Strict-Transport-Security` only when TRUST_PROXY says a proxy in front terminates TLS: over plain
 *   http (development, a bare port) it would be wrong and is ignored anyway.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // 180 days; not includeSubDomains/preload: other hosts of the operator's domain are theirs to decide.
    strictTransportSecurity: config.trustProxy ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
}
