import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import {
  isJobName,
  type JobName,
  type JobPayload,
  type JobResult,
  type JobsOf,
  jobCatalog,
} from './catalog.ts';
import { assertClusterPrefix, DEFAULT_PREFIX } from './cluster-prefix.ts';
import type { RedisConnection } from './connections.ts';
import type { QueueName } from './names.ts';

export type TypedJob<N extends JobName> = Job<JobPayload<N>, unknown, N>;

/** One handler per job of the queue, returning the catalog's result: leaving one out does not compile. */
export type HandlerMap<Q extends QueueName> = {
  [N in JobsOf<Q>]: (job: TypedJob<N>, token?: string) => Promise<JobResult<N>>;
};

export interface CreateWorkerOptions extends Omit<WorkerOptions, 'connection' | 'prefix'> {
  /** A worker connection (createWorkerConnection): standalone or cluster. */
  connection: RedisConnection;
  /** BULL_PREFIX; on a cluster it must carry a hash tag ({smm}), or the worker is refused. */
  prefix?: string;
}

export function createWorker<Q extends QueueName>(
  queue: Q,
  handlers: HandlerMap<Q>,
  opts: CreateWorkerOptions,
): Worker {
  const { connection, prefix = DEFAULT_PREFIX, ...rest } = opts;
  assertClusterPrefix(connection, prefix);
  return new Worker(
    queue,
    async (job: Job, token?: string) => {
      if (!isJobName(job.name) || jobCatalog[job.name].queue !== queue) {
        throw new UnrecoverableError(`unknown job ${job.name} on queue ${queue}`);
      }
      const parsed = jobCatalog[job.name].schema.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
      const handler = (handlers as unknown as Record<string, (j: Job, t?: string) => Promise<unknown>>)[
        job.name
      ];
      if (!handler) throw new UnrecoverableError(`no handler for ${job.name}`);
      return handler(job, token);
    },
    { connection, prefix, ...rest },
  );
}
