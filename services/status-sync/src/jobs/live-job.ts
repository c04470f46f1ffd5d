import type { Job, Queue } from '@smm/queue';

/** Job states in which a job will still run: work that has one is not stuck, only waiting. */
const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

export interface JobLook {
  job: Job | undefined;
  live: boolean;
  /** The job's state, or `missing` (never enqueued, or removed by retention). */
  state: string;
}

export async function lookUpJob(queue: Queue, jobId: string): Promise<JobLook> {
  const job = await queue.getJob(jobId);
  if (!job) return { job, live: false, state: 'missing' };
  const state = await job.getState();
  return { job, live: LIVE_STATES.has(state), state };
}
