export const REDACT_CENSOR = '[redacted]';

const SECRET_KEYS = [
  'apiKey',
  'api_key',
  'key',
  'password',
  'passwordHash',
  'loginPass',
  'token',
  'accessToken',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
];

/**
 * pino redact paths: the secret field names at the top level and up to two levels deep, plus
 * the request/response header spots where fastify puts them. pino's redaction is path based,
 * so the depth is spelled out instead of a deep scan that would cost on every log line.
 */
export const REDACT_PATHS: string[] = [
  ...SECRET_KEYS.map((k) => bracket(k)),
  ...SECRET_KEYS.map((k) => `*${bracket(k, true)}`),
  ...SECRET_KEYS.map((k) => `*.*${bracket(k, true)}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

const SECRET_PARAMS = new Set(SECRET_KEYS.map((k) => k.toLowerCase()));

/**
 * The URL with the value of every secret query parameter replaced by the censor. Reseller scripts
 * send `GET /api/v2?key=…`, and fastify logs each request's URL: without this the log would hold
 * every customer's key. Works on the raw string so a malformed query is still scrubbed.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replaceAll('+', ' '));
      } catch {
        // A malformed escape: compare the name as sent.
      }
      return eq >= 0 && SECRET_PARAMS.has(decoded.toLowerCase()) ? `${name}=${REDACT_CENSOR}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

function bracket(k: string, nested = false): string {
  const safe = /^[A-Za-z_][A-Za-z0-9_]*$/.test(k);
  if (safe) return nested ? `.${k}` : k;
  return `["${k}"]`;
}
