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

function bracket(k: string, nested = false): string {
  const safe = /^[A-Za-z_][A-Za-z0-9_]*$/.test(k);
  if (safe) return nested ? `.${k}` : k;
  return `["${k}"]`;
}
