import { randomBytes } from 'node:crypto';
import {
  boolFlag,
  clusterHashTags,
  parseEnv,
  productionSecrets,
  resolveServiceBase,
  type ServiceBase,
  serviceEnv,
} from '@smm/config';
import { z } from 'zod';

const TWELVE_HOURS_S = 12 * 3600;

export const gatewayEnvSchema = z
  .object({
    ...serviceEnv(3000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // architecture.md#auth: tokens never outlive 12 hours.
    JWT_EXPIRES_IN_S: z.coerce.number().int().min(60).max(TWELVE_HOURS_S).default(TWELVE_HOURS_S),
    JWT_ISSUER: z.string().min(1).default('smm-gateway'),
    JWT_AUDIENCE: z.string().min(1).default('smm-panel'),
    ADMIN_EMAIL: z.email().default('admin@example.com'),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    ALLOW_REGISTRATION: z.stringbool().optional(),
    /** A flood guard per IP on login/register (every attempt counts); guessing is the throttle's job. */
    LOGIN_RATE_MAX: z.coerce.number().int().positive().default(60),
    LOGIN_RATE_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
    /** Failed logins per account (lower-cased email) and per IP within the window before a lockout. */
    LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_IP_MAX_FAILURES: z.coerce.number().int().positive().default(20),
    LOGIN_FAILURE_WINDOW_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(15 * 60_000),
    /** First lockout; each further one doubles it, up to the cap. */
    LOGIN_LOCKOUT_MS: z.coerce.number().int().positive().default(30_000),
    LOGIN_LOCKOUT_MAX_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(15 * 60_000),
    ORDER_RATE_MAX: z.coerce.number().int().positive().default(120),
    ORDER_RATE_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
    /** The admin dashboard warns when a provider's last known balance (in USD) is below this. */
    LOW_BALANCE_USD: z
      .string()
      .regex(/^\d{1,12}(\.\d{1,6})?$/)
      .default('20'),
    /** The admin dashboard's "today" begins at midnight here (the first market is Bangladesh). */
    DASHBOARD_TIME_ZONE: z
      .string()
      .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'an IANA time zone')
      .default('Asia/Dhaka'),
    /** How often the gateway reads the orders open My-orders pages watch (one query for all of them). */
    ORDER_WATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    /** Deposit requests per user: a handful a minute is plenty for an honest customer. */
    DEPOSIT_RATE_MAX: z.coerce.number().int().positive().default(10),
    DEPOSIT_RATE_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
    /** Reseller API v2, per API key (its sha256), every action counted. */
    V2_RATE_MAX: z.coerce.number().int().positive().default(600),
    V2_RATE_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(64 * 1024),
    RATE_LIMIT_PREFIX: z.string().min(1).default('smm-rl:'),
    TRUST_PROXY: boolFlag(false),
    ALLOW_INSECURE_PROVIDER_URLS: z.stringbool().optional(),
    /** How long admin forward/sync requests wait for the worker's answer before replying 202. */
    /** How long a user's role and status are cached per gateway: a suspension applies within it. */
    /** Order creation answers within this (+0.5 s) even while Postgres hangs; a later debit writes nothing. */
    INTAKE_DEADLINE_MS: z.coerce.number().int().min(200).max(60_000).default(2_000),
    SESSION_CACHE_MS: z.coerce.number().int().min(0).max(5_000).default(5_000),
    ADMIN_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
    /** The built web pages (services/web/dist); default: found through the @smm/web package. */
    WEB_DIST_DIR: z.string().min(1).optional(),
  })
  // Production: real secrets or no start (libs/config weak-secrets.ts has the rules); /metrics
  // always wants its token there.
  .superRefine(
    productionSecrets({
      required: ['JWT_SECRET', 'SECRETS_KEY', 'METRICS_TOKEN'],
      optional: ['ADMIN_PASSWORD'],
    }),
  )
  // On a Redis Cluster the queue keys and the login throttle's multi-key scripts need a hash tag.
  .superRefine(clusterHashTags(['BULL_PREFIX', 'RATE_LIMIT_PREFIX']));

export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

/** The resolved settings buildGateway works from: no optionals left, nothing read from process.env. */
export interface GatewayConfig extends ServiceBase {
  rateLimitPrefix: string;
  trustProxy: boolean;
  bodyLimit: number;
  /** Provider API URLs may be http:// (development, sandbox); https only otherwise. */
  allowInsecureProviderUrls: boolean;
  adminWaitMs: number;
  /** Role/status cache per gateway (≤ 5 s, architecture.md#security). */
  sessionCacheMs: number;
  intakeDeadlineMs: number;
  /** Where the built web pages are; undefined: resolved from @smm/web (plugins/web-pages.ts). */
  webDistDir?: string | undefined;
  jwt: { secret: string; expiresInS: number; issuer: string; audience: string; secretGenerated: boolean };
  admin: { email: string; password: string | undefined };
  allowRegistration: boolean;
  dashboard: { lowBalanceUSD: string; timeZone: string };
  /** Live order updates: the watch tick, and open streams per user. */
  orderWatch: { intervalMs: number; maxPerUser: number };
  rateLimits: {
    login: { max: number; windowMs: number };
    orders: { max: number; windowMs: number };
    deposits: { max: number; windowMs: number };
    v2: { max: number; windowMs: number };
  };
  /** Failed-login throttle (services/login-throttle.ts), per account and per IP, in Redis. */
  loginThrottle: {
    accountMaxFailures: number;
    ipMaxFailures: number;
    windowMs: number;
    lockoutMs: number;
    lockoutMaxMs: number;
  };
}

export function resolveConfig(env: GatewayEnv): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  return {
    ...resolveServiceBase(env, 'gateway'),
    rateLimitPrefix: env.RATE_LIMIT_PREFIX,
    trustProxy: env.TRUST_PROXY,
    bodyLimit: env.BODY_LIMIT_BYTES,
    allowInsecureProviderUrls: env.ALLOW_INSECURE_PROVIDER_URLS ?? !production,
    adminWaitMs: env.ADMIN_WAIT_MS,
    sessionCacheMs: env.SESSION_CACHE_MS,
    intakeDeadlineMs: env.INTAKE_DEADLINE_MS,
    webDistDir: env.WEB_DIST_DIR,
    jwt: {
      // A dev secret lives as long as the process: tokens die with a restart, which is fine locally.
      secret: env.JWT_SECRET ?? randomBytes(32).toString('hex'),
      secretGenerated: env.JWT_SECRET === undefined,
      expiresInS: env.JWT_EXPIRES_IN_S,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
    },
    admin: { email: env.ADMIN_EMAIL.toLowerCase(), password: env.ADMIN_PASSWORD },
    allowRegistration: env.ALLOW_REGISTRATION ?? !production,
    dashboard: { lowBalanceUSD: env.LOW_BALANCE_USD, timeZone: env.DASHBOARD_TIME_ZONE },
    orderWatch: { intervalMs: env.ORDER_WATCH_INTERVAL_MS, maxPerUser: 10 },
    rateLimits: {
      login: { max: env.LOGIN_RATE_MAX, windowMs: env.LOGIN_RATE_WINDOW_MS },
      orders: { max: env.ORDER_RATE_MAX, windowMs: env.ORDER_RATE_WINDOW_MS },
      deposits: { max: env.DEPOSIT_RATE_MAX, windowMs: env.DEPOSIT_RATE_WINDOW_MS },
      v2: { max: env.V2_RATE_MAX, windowMs: env.V2_RATE_WINDOW_MS },
    },
    loginThrottle: {
      accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
      ipMaxFailures: env.LOGIN_IP_MAX_FAILURES,
      windowMs: env.LOGIN_FAILURE_WINDOW_MS,
      lockoutMs: env.LOGIN_LOCKOUT_MS,
      lockoutMaxMs: Math.max(env.LOGIN_LOCKOUT_MAX_MS, env.LOGIN_LOCKOUT_MS),
    },
  };
}

/** Parses an env object (process.env in main.ts, a literal in tests) into the gateway's config. */
export function loadConfig(env: Record<string, string | undefined>): GatewayConfig {
  return resolveConfig(parseEnv('gateway', gatewayEnvSchema, env));
}
