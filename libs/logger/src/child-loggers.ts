import type { Logger } from './create-logger.ts';

/** A logger for one job run: every line carries the queue, job id and the ids in its payload. */
export function jobLogger(
  logger: Logger,
  job: { id?: string | undefined; name: string; queueName: string; data: unknown },
): Logger {
  const ids: Record<string, unknown> = {};
  if (job.data && typeof job.data === 'object') {
    for (const [k, v] of Object.entries(job.data)) {
      if (k.endsWith('Id') && (typeof v === 'string' || typeof v === 'number')) ids[k] = v;
    }
  }
  return logger.child({ queue: job.queueName, job: job.name, jobId: job.id, ...ids });
}
