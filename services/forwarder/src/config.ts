import {
  clusterHashTags,
  isProduction,
  parseEnv,
  productionSecrets,
  resolveSecretsKeys,
  serviceEnv,
} from '@smm/config';
import { DEFAULT_TIMEOUTS } from '@smm/provider-client';
import { z } from 'zod';
import { DEFAULT_SETTINGS, type ForwarderSettings } from './settings.ts';

const ms = (def: number) => z.coerce.number().int().min(1).default(def);

export const forwarderEnvSchema = z
  .object({
    ...serviceEnv(3001),
    FORWARD_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
    PROVIDER_CONNECT_TIMEOUT_MS: ms(DEFAULT_TIMEOUTS.connect),
    PROVIDER_RESPONSE_TIMEOUT_MS: ms(DEFAULT_TIMEOUTS.response),
    PROVIDER_REQUEST_TIMEOUT_MS: ms(DEFAULT_TIMEOUTS.request),
    FORWARD_BACKOFF_BASE_MS: ms(DEFAULT_SETTINGS.backoffBaseMs),
    FORWARD_BACKOFF_MAX_MS: ms(10 * 60_000),
    FORWARD_SOFT_REJECT_DELAY_MS: ms(5 * 60_000),
    FORWARD_MAX_SOFT_ROUNDS: z.coerce.number().int().min(1).max(100).default(5),
    FORWARD_PROVIDER_SHARE: z.coerce.number().gt(0).max(1).default(0.5),
    PROVIDER_TRIP_AFTER: z.coerce.number().int().min(1).max(1000).default(5),
    PROVIDER_TRIP_COOLDOWN_MS: ms(60_000),
    FORWARD_LIMIT_RETRY_MS: ms(200),
    FORWARD_FIRST_STATUS_CHECK_MS: ms(30_000),
    FORWARD_LOCK_DURATION_MS: ms(30_000),
    FORWARD_STALLED_INTERVAL_MS: ms(30_000),
    ALLOW_INSECURE_PROVIDER_URLS: z.stringbool().optional(),
    // Longer than a provider request may take, so a rolling restart never strands an order in submitting.
    SHUTDOWN_TIMEOUT_MS: ms(DEFAULT_TIMEOUTS.request + 5_000),
  })
  // Production: a real SECRETS_KEY, and the ops port's /metrics behind METRICS_TOKEN (libs/config).
  .superRefine(productionSecrets({ required: ['SECRETS_KEY', 'METRICS_TOKEN'] }))
  // On a Redis Cluster the queue keys (and the leases under the same prefix) need a hash tag.
  .superRefine(clusterHashTags(['BULL_PREFIX']));

export type ForwarderEnv = z.infer<typeof forwarderEnvSchema>;

export interface ForwarderConfig {
  env: ForwarderEnv;
  settings: ForwarderSettings;
  /** Opens provider secrets (the gateway's key; fixed development key outside production). */
  secretsKey: Buffer;
  /** SECRETS_KEY_PREVIOUS while a rotation is under way: rows not yet rotated still open. */
  previousSecretsKey: Buffer | undefined;
  /** /metrics on the ops port wants this bearer token; required in production. */
  metricsToken: string | undefined;
}

/** Parses an env object (process.env in main.ts, a literal in tests); throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): ForwarderConfig {
  const e = parseEnv('forwarder', forwarderEnvSchema, env);
  const keys = resolveSecretsKeys(e, 'forwarder');
  return {
    env: e,
    secretsKey: keys.current,
    previousSecretsKey: keys.previous,
    metricsToken: e.METRICS_TOKEN,
    settings: {
      prefix: e.BULL_PREFIX,
      concurrency: e.FORWARD_CONCURRENCY,
      providerTimeouts: {
        connect: e.PROVIDER_CONNECT_TIMEOUT_MS,
        response: e.PROVIDER_RESPONSE_TIMEOUT_MS,
        request: e.PROVIDER_REQUEST_TIMEOUT_MS,
      },
      backoffBaseMs: e.FORWARD_BACKOFF_BASE_MS,
      backoffMaxMs: e.FORWARD_BACKOFF_MAX_MS,
      softRejectDelayMs: e.FORWARD_SOFT_REJECT_DELAY_MS,
      maxSoftRounds: e.FORWARD_MAX_SOFT_ROUNDS,
      providerShare: e.FORWARD_PROVIDER_SHARE,
      tripAfter: e.PROVIDER_TRIP_AFTER,
      tripCooldownMs: e.PROVIDER_TRIP_COOLDOWN_MS,
      limitRetryMs: e.FORWARD_LIMIT_RETRY_MS,
      firstStatusCheckMs: e.FORWARD_FIRST_STATUS_CHECK_MS,
      allowInsecureProviderUrls: e.ALLOW_INSECURE_PROVIDER_URLS ?? !isProduction(e),
      providerCacheMs: 5_000,
      lockDurationMs: e.FORWARD_LOCK_DURATION_MS,
      stalledIntervalMs: e.FORWARD_STALLED_INTERVAL_MS,
    },
  };
}
