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

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A child logger made only when a line at an enabled level is written through it. Fastify gives
 * every request a child (its reqId binding); building one runs pino's binding serialisation and
 * redaction, which at `warn` — where a request usually logs nothing — was ~1.5 % of intake.
 */
export class LazyChildLogger {
  readonly #parent: Logger;
  readonly #bindings: Record<string, unknown>;
  readonly #options: object | undefined;
  #child: Logger | undefined;

  constructor(parent: Logger, bindings: Record<string, unknown>, options?: object) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  /** A child given its own level (a route's logLevel) decides for itself; otherwise the parent does. */
  get #decider(): Logger {
    return this.#options && 'level' in this.#options ? this.real : this.#parent;
  }

  get level(): string {
    return this.#decider.level;
  }

  /** The real child (made on first use). */
  get real(): Logger {
    this.#child ??= this.#parent.child(this.#bindings, this.#options);
    return this.#child;
  }

  #write(level: Level, args: unknown[]): void {
    if (!this.#decider.isLevelEnabled(level)) return;
    (this.real[level] as (...a: unknown[]) => void)(...args);
  }

  fatal(...args: unknown[]): void {
    this.#write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#write('error', args);
  }
  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }
  info(...args: unknown[]): void {
    this.#write('info', args);
  }
  debug(...args: unknown[]): void {
    this.#write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#write('trace', args);
  }
  silent(): void {}

  child(bindings: Record<string, unknown>, options?: object): Logger {
    return this.real.child(bindings, options);
  }

  isLevelEnabled(level: string): boolean {
    return this.#decider.isLevelEnabled(level);
  }

  bindings(): Record<string, unknown> {
    return this.real.bindings();
  }
}
