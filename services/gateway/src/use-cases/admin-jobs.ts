import { type Job, type JobName, type JobResult, parseResult, type QueueName } from '@smm/queue';
import type { QueueEvents } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { AppError, ERROR_CODE } from '../errors.ts';

export type WaitOutcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'failed'; reason: string }
  | { kind: 'timeout' };

const EVENTS_READY_MS = 3_000;

/** The queue's event listener, or a 503 when Redis does not give us one in time. */
export async function eventsFor(app: FastifyInstance, name: QueueName): Promise<QueueEvents> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      app.queueEvents(name),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), EVENTS_READY_MS);
      }),
    ]);
  } catch {
    throw new AppError(503, ERROR_CODE.dependencyUnavailable, 'the job queue is unavailable, retry shortly');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for a job's result, at most `ttlMs`, read with the catalog's result schema for `name` (a
 * worker of another version answering something else is an error here, not a silent undefined).
 * A job that failed for good and a wait that ran out both reject in BullMQ; the job's own state
 * tells them apart.
 */
export async function waitForJob<N extends JobName>(
  name: N,
  job: Job,
  events: QueueEvents,
  ttlMs: number,
): Promise<WaitOutcome<JobResult<N>>> {
  if (ttlMs <= 0) return { kind: 'timeout' };
  let value: unknown;
  try {
    value = await job.waitUntilFinished(events, ttlMs);
  } catch (err) {
    const state = await job.getState().catch(() => 'unknown');
    if (state === 'failed') return { kind: 'failed', reason: (err as Error).message || 'job failed' };
    return { kind: 'timeout' };
  }
  return { kind: 'done', value: parseResult(name, value) };
}
