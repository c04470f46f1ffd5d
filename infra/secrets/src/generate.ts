import { randomBytes } from 'node:crypto';

/**
 * Fresh values for every secret the panel needs in production, each well past the rules of
 * libs/config (weak-secrets.ts). Hex only: safe in a .env file, a shell and a postgres:// URL alike.
 */
export function generateSecrets() {
  return {
    /** Postgres' password (docker-compose.yml puts it in DATABASE_URL). */
    POSTGRES_PASSWORD: randomBytes(24).toString('hex'),
    /** HS256 signing secret for session tokens: 32 random bytes. */
    JWT_SECRET: randomBytes(32).toString('hex'),
    /** AES-256-GCM key for provider secrets at rest: 32 random bytes as 64 hex characters. */
    SECRETS_KEY: randomBytes(32).toString('hex'),
    /** The first admin's password (ADMIN_EMAIL); change it after the first login if you like. */
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    /** Bearer token Prometheus sends to /metrics on the gateway and the workers. */
    METRICS_TOKEN: randomBytes(24).toString('hex'),
  };
}

export type GeneratedSecrets = ReturnType<typeof generateSecrets>;

/** As .env lines, in the order docker-compose.yml asks for them. */
export function toEnvLines(secrets: GeneratedSecrets): string {
  return `${Object.entries(secrets)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
}
