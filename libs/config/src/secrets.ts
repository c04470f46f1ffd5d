import { createHash } from 'node:crypto';
import { ConfigError } from './parse-env.ts';

/**
 * SECRETS_KEY as 32 bytes. Outside production a fixed development key is used when none is set, so
 * the gateway and the workers (separate processes) agree on it; production refuses to start without one.
 */
export function resolveSecretsKey(
  env: { SECRETS_KEY?: string | undefined; NODE_ENV: string },
  service: string,
): Buffer {
  const v = env.SECRETS_KEY;
  if (v) {
    if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
    const b = Buffer.from(v, 'base64');
    if (b.length === 32) return b;
    throw new ConfigError(service, ['SECRETS_KEY: must be 32 bytes, as 64 hex characters or base64']);
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(service, ['SECRETS_KEY: required in production (32 bytes, hex or base64)']);
  }
  return createHash('sha256').update('smm-panel development secrets key — not for production').digest();
}
