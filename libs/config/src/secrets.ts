import { createHash } from 'node:crypto';
import { ConfigError } from './parse-env.ts';
import { decodeSecretsKey, MAKE_ONE, weakSecretReason } from './weak-secrets.ts';

export interface SecretsKeyEnv {
  SECRETS_KEY?: string | undefined;
  SECRETS_KEY_PREVIOUS?: string | undefined;
  NODE_ENV: string;
}

/** The keys that open provider secrets: `current` encrypts and decrypts, `previous` only decrypts. */
export interface SecretsKeys {
  current: Buffer;
  /** SECRETS_KEY_PREVIOUS during a rotation (`npm run secrets:rotate`), else undefined. */
  previous: Buffer | undefined;
}

const DEV_KEY = createHash('sha256')
  .update('smm-panel development secrets key — not for production')
  .digest();

/**
 * SECRETS_KEY as 32 bytes. Outside production a fixed development key is used when none is set, so
 * the gateway and the workers (separate processes) agree on it; production refuses to start without
 * one, and with a weak one (weak-secrets.ts).
 */
export function resolveSecretsKey(env: SecretsKeyEnv, service: string): Buffer {
  return resolveSecretsKeys(env, service).current;
}

/**
 * SECRETS_KEY and, during a rotation, SECRETS_KEY_PREVIOUS. The previous key is not checked for
 * weakness: it is the key being retired, possibly the very placeholder the rotation replaces.
 */
export function resolveSecretsKeys(env: SecretsKeyEnv, service: string): SecretsKeys {
  const issues: string[] = [];
  let current: Buffer | null = null;
  const v = env.SECRETS_KEY;
  if (v) {
    current = decodeSecretsKey(v);
    if (!current) issues.push(`SECRETS_KEY: must be 32 bytes, as 64 hex characters or base64; ${MAKE_ONE}`);
    else if (env.NODE_ENV === 'production') {
      const weak = weakSecretReason('SECRETS_KEY', v);
      if (weak) issues.push(`SECRETS_KEY: ${weak}`);
    }
  } else if (env.NODE_ENV === 'production') {
    issues.push(`SECRETS_KEY: required in production (32 bytes, hex or base64); ${MAKE_ONE}`);
  } else {
    current = DEV_KEY;
  }
  let previous: Buffer | undefined;
  if (env.SECRETS_KEY_PREVIOUS) {
    const p = decodeSecretsKey(env.SECRETS_KEY_PREVIOUS);
    if (p) previous = p;
    else issues.push('SECRETS_KEY_PREVIOUS: must be 32 bytes, as 64 hex characters or base64');
  }
  if (issues.length > 0 || !current) throw new ConfigError(service, issues);
  // The same key twice is a rotation already finished: nothing to fall back to.
  if (previous?.equals(current)) previous = undefined;
  return { current, previous };
}
