import { enqueueBulk, forwardJobId, type JobPayload, type Producer } from '@smm/queue';
import type { AcceptedOrder } from './order-intake.ts';

/** The slice of a pino logger this needs (a request's logger or the service logger). */
export interface WarnLogger {
  warn(obj: object, msg: string): void;
}

export interface EnqueueOutcome {
  queued: number;
  /** Orders left pending because Redis did not take the job; repair-stuck re-enqueues them. */
  deferred: number;
}

type ForwardJob = { payload: JobPayload<'forward-order'>; opts: { jobId: string } };

const MAX_BATCH = 500;

/**
 * Collects the forward jobs of all requests that finish in the same event-loop turn and adds them
 * with one addBulk (one Redis round trip) instead of one add per order: under load the enqueue stops
 * costing a write per request. Every caller still waits for its own jobs to be in Redis.
 */
export class ForwardQueue {
  readonly #producer: Producer;
  #pending: Array<{ jobs: ForwardJob[]; done: (err: unknown) => void }> = [];
  #size = 0;
  #scheduled = false;

  constructor(producer: Producer) {
    this.#producer = producer;
  }

  add(jobs: ForwardJob[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ jobs, done: (err) => (err ? reject(err) : resolve()) });
      this.#size += jobs.length;
      if (this.#size >= MAX_BATCH) this.#flush();
      else if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = [];
    this.#size = 0;
    if (batch.length === 0) return;
    enqueueBulk(
      this.#producer,
      'forward-order',
      batch.flatMap((b) => b.jobs),
    ).then(
      () => {
        for (const b of batch) b.done(null);
      },
      (err: unknown) => {
        for (const b of batch) b.done(err ?? new Error('enqueue failed'));
      },
    );
  }
}

/**
 * After commit: one `forward-order` job per auto order, with the deterministic first-round job id so
 * a repair that races us cannot create a second job. A failure here loses nothing — the order is
 * charged and `pending` in Postgres, which is what the status-sync repair job looks for.
 */
export async function enqueueForwarding(
  queue: ForwardQueue,
  orders: AcceptedOrder[],
  log: WarnLogger,
): Promise<EnqueueOutcome> {
  const jobs: ForwardJob[] = [];
  const orphaned: string[] = [];
  for (const o of orders) {
    if (!o.forward) continue;
    if (o.providerId === null) orphaned.push(o.orderId);
    else
      jobs.push({
        // Ids only: the forwarder reads the provider from the service when it claims the order.
        payload: { orderId: o.orderId },
        opts: { jobId: forwardJobId(o.orderId, 1) },
      });
  }
  if (orphaned.length > 0) {
    // An auto service without a provider cannot be forwarded: an admin has to handle these.
    log.warn({ orderIds: orphaned }, 'auto-mode service has no provider; order waits');
  }
  if (jobs.length === 0) return { queued: 0, deferred: 0 };
  try {
    await queue.add(jobs);
    return { queued: jobs.length, deferred: 0 };
  } catch (err) {
    log.warn(
      { err, orderIds: jobs.map((j) => j.payload.orderId) },
      'orders accepted but not queued (Redis unavailable); they stay pending until repaired',
    );
    return { queued: 0, deferred: jobs.length };
  }
}
