import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, type Job } from 'bullmq';

// The retry policy, in one place: how long each kind of wait lasts, and when a job has had its last
// try. The catalog (catalog.ts) says per job how many attempts and which backoff; these compute it.

/**
 * True when this is the job's last attempt: a failure now is final. While the job runs (`running`),
 * `attemptsMade` counts the attempts before this one; in a worker's `failed` event (`failed`), BullMQ
 * has already counted this one.
 */
export function isLastAttempt(
  job: Pick<Job, 'attemptsMade' | 'opts'>,
  when: 'running' | 'failed' = 'running',
): boolean {
  const made = when === 'running' ? job.attemptsMade + 1 : job.attemptsMade;
  return made >= (job.opts.attempts ?? 1);
}

/**
 * Delay before retry number `attempt` (1-based) of a "definitely not sent" failure: exponential from
 * `baseMs`, with up to 50% jitter so orders held back by one outage do not all return in the same
 * second, capped at `maxMs`, and never shorter than the provider's Retry-After.
 */
export function retryDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(ceiling * (0.5 + 0.5 * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * How long an order waits after a provider refused it for a reason on our side: the soft delay, doubled
 * for each refusal whose words no rule knows (so an unknown refusal is not hammered), capped.
 */
export function softRejectDelay(unknownRefusals: number, baseMs: number, maxMs: number): number {
  return Math.min(Math.max(maxMs, baseMs), baseMs * 2 ** Math.max(0, unknownRefusals - 1));
}

/**
 * How long status sync leaves a provider alone after its `failures`-th provider-wide failure in a row:
 * `baseMs × 2^failures`, capped, never shorter than its Retry-After.
 */
export function providerBackoffMs(
  failures: number,
  baseMs: number,
  maxMs: number,
  retryAfterMs?: number,
): number {
  return Math.max(Math.min(baseMs * 2 ** Math.min(failures, 30), maxMs), retryAfterMs ?? 0);
}

/** A short jittered wait, for jobs whose provider is at its concurrency limit. */
export function jitter(ms: number, random: () => number = Math.random): number {
  return Math.max(1, Math.floor(ms * (0.5 + random())));
}

/**
 * The job waits until `at` without using one of its attempts or holding a worker (BullMQ's manual
 * delay): it is moved to delayed, and what this throws the processor must let through.
 */
export async function waitUntil(
  job: Pick<Job, 'moveToDelayed'>,
  token: string | undefined,
  at: number,
): Promise<never> {
  await job.moveToDelayed(at, token);
  throw new DelayedError();
}

/** A custom BullMQ backoff type: the worker's `settings.backoffStrategy` computes the delay. */
export const PROVIDER_RETRY_BACKOFF = 'provider-retry';

/**
 * The worker's BullMQ `backoffStrategy` for `provider-retry`: `retryDelay` from the job's own base
 * (the catalog's, or a worker override) and cap, the provider's Retry-After (carried by the error) as a floor.
 */
export function providerRetryBackoff(settings: { backoffBaseMs: number; backoffMaxMs: number }) {
  return (attemptsMade: number, type?: string, err?: Error): number => {
    if (type !== PROVIDER_RETRY_BACKOFF) throw new Error(`unknown backoff type ${type}`);
    const retryAfterMs = (err as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
    return retryDelay(
      attemptsMade,
      settings.backoffBaseMs,
      settings.backoffMaxMs,
      typeof retryAfterMs === 'number' ? retryAfterMs : undefined,
    );
  };
}

/**
 * Retries a Postgres write that records what already happened at a provider. Re-running it is safe
 * (every statement is guarded by the state it leaves); giving up leaves the order for repair.
 */
export async function retryWrite<T>(
  write: () => Promise<T>,
  delaysMs: readonly number[] = [100, 500, 2_000],
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await write();
    } catch (err) {
      const delay = delaysMs[i];
      if (delay === undefined) throw err;
      await sleep(delay);
    }
  }
}
