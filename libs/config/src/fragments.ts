import { z } from 'zod';

export const nodeEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
};

export const logEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: z.stringbool().optional(),
};

export const databaseEnv = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/smm'),
};

export const redisEnv = {
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
};

/** 32 bytes as 64 hex chars or base64; required outside development (checked by the service). */
export const secretsKeyEnv = {
  SECRETS_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== null, 'must be 32 bytes, as 64 hex characters or base64')
    .optional(),
};

export function portEnv(defaultPort: number) {
  return { PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort) };
}

export function boolFlag(defaultValue: boolean) {
  return z.stringbool().default(defaultValue);
}

export function isProduction(env: { NODE_ENV: string }): boolean {
  return env.NODE_ENV === 'production';
}

function decodeKey(v: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  const b = Buffer.from(v, 'base64');
  return b.length === 32 ? b : null;
}
