import type { z } from 'zod';

/**
 * The one place that decides whether a secret is good enough for production. Every service's env
 * schema runs `productionSecrets(...)`; `resolveSecretsKey` checks the key again for callers that do
 * not go through a schema. Reasons never contain the value: they end up in logs and terminals.
 */

export const SECRET_NAMES = ['JWT_SECRET', 'SECRETS_KEY', 'ADMIN_PASSWORD', 'METRICS_TOKEN'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** How to get a good value; every refusal says it. */
export const MAKE_ONE = 'make one with `npm run secrets:new`';

export const MIN_JWT_SECRET_BYTES = 32;
export const MIN_ADMIN_PASSWORD_CHARS = 12;
export const MIN_METRICS_TOKEN_CHARS = 16;

/**
 * Values that were published as defaults or examples (this repository's old docker-compose.yml and
 * its README) — anyone can read them, so they are never accepted in production, whatever their length.
 */
export const PUBLISHED_PLACEHOLDERS: readonly string[] = [
  'change-me-change-me-change-me-change-me',
  'change-me-now',
  '0'.repeat(64),
];

const PLACEHOLDER_WORDS = /change[-_ ]?me|replace[-_ ]?me|placeholder|your[-_ ]?secret/i;

/** 32 bytes from 64 hex characters or base64, or null. */
export function decodeSecretsKey(v: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) return null;
  const b = Buffer.from(v, 'base64');
  return b.length === 32 ? b : null;
}

function isOneCharRepeated(v: string): boolean {
  return v.length > 0 && [...v].every((c) => c === v[0]);
}

/** Why `value` is not acceptable as `name` in production, or null when it is. */
export function weakSecretReason(name: SecretName, value: string): string | null {
  if (PUBLISHED_PLACEHOLDERS.includes(value) || PLACEHOLDER_WORDS.test(value)) {
    return `is a published placeholder, not a secret; ${MAKE_ONE}`;
  }
  switch (name) {
    case 'SECRETS_KEY': {
      const key = decodeSecretsKey(value);
      if (!key) return `must be 32 bytes, as 64 hex characters or base64; ${MAKE_ONE}`;
      if (key.every((b) => b === key[0])) return `is one byte repeated, not a key; ${MAKE_ONE}`;
      return null;
    }
    case 'JWT_SECRET':
      if (Buffer.byteLength(value, 'utf8') < MIN_JWT_SECRET_BYTES) {
        return `must be at least ${MIN_JWT_SECRET_BYTES} bytes; ${MAKE_ONE}`;
      }
      break;
    case 'ADMIN_PASSWORD':
      if ([...value].length < MIN_ADMIN_PASSWORD_CHARS) {
        return `must be at least ${MIN_ADMIN_PASSWORD_CHARS} characters in production; ${MAKE_ONE}`;
      }
      break;
    case 'METRICS_TOKEN':
      if (value.length < MIN_METRICS_TOKEN_CHARS) {
        return `must be at least ${MIN_METRICS_TOKEN_CHARS} characters; ${MAKE_ONE}`;
      }
      break;
  }
  if (isOneCharRepeated(value)) return `is one character repeated, not a secret; ${MAKE_ONE}`;
  return null;
}

export interface ProductionSecretsSpec {
  /** Refused when missing in production. */
  required: readonly SecretName[];
  /** Checked when set, allowed to be missing (the gateway's ADMIN_PASSWORD: only needed once). */
  optional?: readonly SecretName[];
}

type SecretsEnv = { NODE_ENV: string } & { [K in SecretName]?: string | undefined };

/**
 * A zod `superRefine` for a service's env schema: in production every required secret must be set
 * and none may be weak (`weakSecretReason`). One issue per variable, named by its path. Outside
 * production nothing is checked: development and tests use generated or fixed values.
 */
export function productionSecrets(spec: ProductionSecretsSpec) {
  return (env: SecretsEnv, ctx: z.RefinementCtx): void => {
    if (env.NODE_ENV !== 'production') return;
    for (const name of [...spec.required, ...(spec.optional ?? [])]) {
      // Already refused by its own field schema (format, length): one line per variable is enough.
      if (ctx.issues.some((i) => i.path?.[0] === name)) continue;
      const value = env[name];
      if (value === undefined || value === '') {
        if (spec.required.includes(name)) {
          ctx.addIssue({ code: 'custom', path: [name], message: `is required in production; ${MAKE_ONE}` });
        }
        continue;
      }
      const reason = weakSecretReason(name, value);
      if (reason) ctx.addIssue({ code: 'custom', path: [name], message: reason });
    }
  };
}
