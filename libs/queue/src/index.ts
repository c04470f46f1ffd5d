export { DelayedError, type Job, type Queue, UnrecoverableError, type Worker } from 'bullmq';
export * from './catalog.ts';
export * from './cluster-prefix.ts';
export * from './connections.ts';
export * from './names.ts';
export * from './queues.ts';
export * from './retention.ts';
export * from './retry.ts';
export * from './workers.ts';
