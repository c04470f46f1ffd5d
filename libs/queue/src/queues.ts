import { type JobsOptions, Queue } from 'bullmq';
import { type JobName, type JobPayload, jobCatalog } from './catalog.ts';
import { assertClusterPrefix, DEFAULT_PREFIX } from './cluster-prefix.ts';
import type { RedisConnection } from './connections.ts';
import { QUEUE_NAMES, type QueueName } from './names.ts';

export type Queues = Record<QueueName, Queue>;

export class QueueUnavailableError extends Error {
  constructor(reason: string) {
    super(`queue unavailable: ${reason}`);
    this.name = 'QueueUnavailableError';
  }
}

export interface ProducerOptions {
  /** A producer connection (createProducerConnection): no offline queue, so outages fail fast. */
  connection: RedisConnection;
  /** BullMQ key prefix (BULL_PREFIX; hash-tagged on a cluster); tests use a unique one each. */
  prefix?: string;
}

/**
 * Every process may produce to any queue (only its own service consumes). BullMQ queues created on
 * a connection that is not ready stay broken forever, so they are built on first use once Redis
 * answers; until then, and during an outage, enqueue fails at once with QueueUnavailableError.
 */
export class Producer {
  readonly connection: RedisConnection;
  readonly prefix: string;
  #queues: Queues | null = null;

  constructor(opts: ProducerOptions) {
    this.connection = opts.connection;
    this.prefix = opts.prefix ?? DEFAULT_PREFIX;
    assertClusterPrefix(this.connection, this.prefix);
  }

  get ready(): boolean {
    return this.connection.status === 'ready';
  }

  queues(): Queues {
    if (this.#queues) return this.#queues;
    if (!this.ready) throw new QueueUnavailableError(`redis is ${this.connection.status}`);
    const out = {} as Queues;
    for (const name of QUEUE_NAMES) {
      out[name] = new Queue(name, { connection: this.connection, prefix: this.prefix });
      out[name].on('error', () => {
        // Connection errors surface on the failing call; the connection's own listener logs them.
      });
    }
    this.#queues = out;
    return out;
  }

  queue(name: QueueName): Queue {
    return this.queues()[name];
  }

  async close(): Promise<void> {
    if (this.#queues) await Promise.allSettled(Object.values(this.#queues).map((q) => q.close()));
    this.#queues = null;
  }
}

/** Typed, validated enqueue with the catalog's default options. */
export async function enqueue<N extends JobName>(
  producer: Producer,
  name: N,
  payload: JobPayload<N>,
  opts: JobsOptions = {},
) {
  const def = jobCatalog[name];
  const data = def.schema.parse(payload);
  return producer.queue(def.queue).add(name, data, { ...def.options, ...opts });
}

/** Bulk variant: one round trip for many jobs of one name. */
export async function enqueueBulk<N extends JobName>(
  producer: Producer,
  name: N,
  jobs: Array<{ payload: JobPayload<N>; opts?: JobsOptions }>,
) {
  if (jobs.length === 0) return [];
  const def = jobCatalog[name];
  return producer
    .queue(def.queue)
    .addBulk(
      jobs.map((j) => ({ name, data: def.schema.parse(j.payload), opts: { ...def.options, ...j.opts } })),
    );
}
