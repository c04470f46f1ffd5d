import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
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
 * Security headers on every response, as helmet decides them (registered first so its onRequest hook
 * runs before anything can answer — auth guards, rate limits and 404s included):
 *
 * - `Content-Security-Policy` API_CSP; pages override it with their own (set later on the reply, so
 *   it wins);
 * - `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy: same-origin`,
 *   `Cross-Origin-Opener-Policy`/`-Resource-Policy: same-origin` and helmet's other defaults;
 * - `Strict-Transport-Security` only when TRUST_PROXY says a proxy in front terminates TLS: over plain
 *   http (development, a bare port) it would be wrong and is ignored anyway.
 *
 * The headers are the same for every response, so helmet runs once, at start, and each request gets
 * the one object it produced (running helmet's dozen middlewares per request was ~2 % of intake).
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  const headers = helmetHeaders(config);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/** What helmet, with our options, sets on a response. */
function helmetHeaders(config: GatewayConfig): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // 180 days; not includeSubDomains/preload: other hosts of the operator's domain are theirs to decide.
    strictTransportSecurity: config.trustProxy ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  };
  let failed: unknown;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed;
  return headers;
}
