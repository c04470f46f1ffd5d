export { buildForwarder, type Forwarder, type ForwarderDeps } from './build-forwarder.ts';
export { ConcurrencyLimit, type Lease } from './concurrency-limit.ts';
export { type ForwarderConfig, type ForwarderEnv, forwarderEnvSchema, loadConfig } from './config.ts';
export type { ForwardResult } from './jobs/result.ts';
export { ForwarderMetrics, JOB_OUTCOMES, type JobOutcome } from './metrics.ts';
export { DEFAULT_SETTINGS, type ForwarderSettings } from './settings.ts';
