import { timingSafeEqual } from 'node:crypto';

/**
 * `Authorization: Bearer <token>` against METRICS_TOKEN in constant time (for equal lengths), for
 * the gateway's /metrics and the workers' ops ports alike.
 */
export function bearerTokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}
