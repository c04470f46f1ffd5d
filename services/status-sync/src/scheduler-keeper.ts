import type { Logger } from '@smm/logger';
import type { Queue, RedisConnection } from '@smm/queue';
import type { StatusSyncMetrics } from './metrics.ts';
import {
  missingSchedulers,
  OWNED_SCHEDULERS,
  type SchedulerSettings,
  upsertSchedulers,
} from './schedulers.ts';

export interface KeeperDeps {
  queue: () => Queue;
  /** The producer connection: re-asserting on its `ready` covers a Redis that came back empty. */
  connection: RedisConnection;
  settings: SchedulerSettings;
  logger: Logger;
  metrics: StatusSyncMetrics;
  /** Redis lost every scheduler (flushed or restarted empty): what else it lost must be given back. */
  onDataLoss: () => Promise<void>;
  /** How often to check when nothing else says Redis changed. */
  checkIntervalMs: number;
}

/**
 * Keeps the job schedulers alive. They live only in Redis: a Redis restarted empty (or flushed)
 * would otherwise leave nothing sweeping, repairing or polling, forever, with every probe green.
 * The keeper re-asserts them (idempotent upserts) whenever the connection becomes ready again and on
 * a timer; `/readyz` asks `missing()` and answers 503 while one is gone.
 */
export class SchedulerKeeper {
  readonly #deps: KeeperDeps;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<string[]> | null = null;
  #onReady = () => void this.heal().catch(() => {});

  constructor(deps: KeeperDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#deps.connection.on('ready', this.#onReady);
    this.#timer = setInterval(this.#onReady, this.#deps.checkIntervalMs);
    this.#timer.unref();
  }

  stop(): void {
    this.#deps.connection.off('ready', this.#onReady);
    clearInterval(this.#timer);
  }

  /** The owned schedulers Redis does not hold now (a Redis error propagates). */
  async missing(): Promise<string[]> {
    const missing = await missingSchedulers(this.#deps.queue());
    this.#deps.metrics.schedulersMissing.set(missing.length);
    return missing;
  }

  /** Re-creates missing schedulers; one run at a time. Returns what was missing. */
  heal(): Promise<string[]> {
    this.#running ??= this.#heal().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #heal(): Promise<string[]> {
    const { logger, metrics } = this.#deps;
    const missing = await this.missing();
    if (missing.length === 0) return missing;
    const lostAll = missing.length === OWNED_SCHEDULERS.length;
    logger.warn({ missing, lostAll }, 'job schedulers missing from Redis: re-creating them');
    if (lostAll) await this.#deps.onDataLoss();
    await upsertSchedulers(this.#deps.queue(), this.#deps.settings);
    for (const id of missing) metrics.schedulerRepairs.inc({ scheduler: id });
    metrics.schedulersMissing.set(0);
    return missing;
  }
}
