import { randomBytes } from 'node:crypto';

/** Secrets as `npm run secrets:new` makes them: what a production start is given in tests. */
export function goodProductionSecrets() {
  return {
    JWT_SECRET: randomBytes(32).toString('hex'),
    SECRETS_KEY: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
    METRICS_TOKEN: randomBytes(24).toString('hex'),
  };
}

export type ProductionSecret = keyof ReturnType<typeof goodProductionSecrets>;

/**
 * Every weak value a service must refuse in production, with the words its one line must say. A
 * missing value is `undefined`. The rules live in libs/config (weak-secrets.ts); these cases check
 * that each service really runs them.
 */
export const WEAK_SECRET_CASES: ReadonlyArray<{
  name: ProductionSecret;
  value: string | undefined;
  why: RegExp;
}> = [
  { name: 'JWT_SECRET', value: undefined, why: /required in production/ },
  { name: 'JWT_SECRET', value: 'change-me-change-me-change-me-change-me', why: /published placeholder/ },
  { name: 'JWT_SECRET', value: 'short-secret-of-31-bytes-123456', why: /at least 32/ },
  { name: 'JWT_SECRET', value: 'j'.repeat(40), why: /one character repeated/ },
  { name: 'SECRETS_KEY', value: undefined, why: /required in production/ },
  { name: 'SECRETS_KEY', value: '0'.repeat(64), why: /published placeholder/ },
  { name: 'SECRETS_KEY', value: 'ab'.repeat(32), why: /one byte repeated/ },
  { name: 'SECRETS_KEY', value: Buffer.alloc(32, 0x42).toString('base64'), why: /one byte repeated/ },
  { name: 'ADMIN_PASSWORD', value: 'change-me-now', why: /published placeholder/ },
  { name: 'ADMIN_PASSWORD', value: 'eleven-char', why: /at least 12 characters/ },
  { name: 'METRICS_TOKEN', value: undefined, why: /required in production/ },
  { name: 'METRICS_TOKEN', value: 't'.repeat(32), why: /one character repeated/ },
  { name: 'METRICS_TOKEN', value: 'change-me-metrics-token', why: /published placeholder/ },
];
