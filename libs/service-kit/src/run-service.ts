import { ConfigError } from '@smm/config';
import type { Logger } from '@smm/logger';
import type { ConnectionSpec } from './connections.ts';
import { reasonOf, waitUntilReachable } from './wait-for.ts';

/** What a service's `build…(deps)` hands back to the skeleton. */
export interface Service {
  /** Starts taking work (listen, run workers); resolves once it does. */
  start(): Promise<Started | undefined>;
  /**
   * Stops taking work and waits for work in flight; closes what the service created itself, never
   * the connections it was given (the skeleton closes those afterwards).
   */
  stop(): Promise<void>;
}

/** The log line that says the service runs (default `<name> started`) and its fields. */
export interface Started {
  message?: string;
  fields?: Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: any connection type; Clients<S> keeps each one's own.
type Specs = Record<string, ConnectionSpec<any>>;

/** The clients of the declared connections, by the same keys. */
export type Clients<S extends Specs> = { [K in keyof S]: S[K] extends ConnectionSpec<infer T> ? T : never };

/** What `build` gets: the config, the logger, and one open client per declared connection. */
export type ServiceDeps<C, S extends Specs> = { config: C; logger: Logger } & Clients<S>;

export interface ServiceDefinition<C, S extends Specs> {
  /** The service's name in messages: `<name>: cannot reach Postgres at …`, `<name> started`. */
  name: string;
  /** Parses the environment; a ConfigError is printed as it is (it names every bad variable) and exits 1. */
  loadConfig(env: NodeJS.ProcessEnv): C;
  createLogger(config: C): Logger;
  /** The connections to open, in order (Postgres before Redis); each is waited for before the next. */
  connections(config: C): S;
  /** Builds the service from its dependencies: no I/O that outlives a failed start, nothing closed that it was given. */
  build(deps: ServiceDeps<C, S>): Service | Promise<Service>;
  /** How long to wait for a connection at start before giving up (0 or unset: as long as it takes). */
  startWaitMs?(config: C): number;
  /** From the signal to exit: stop() and closing the connections must finish by then, or it exits 1. */
  shutdownTimeoutMs(config: C): number;
}

/**
 * The one start/stop sequence of every service's main.ts:
 * config → logger → connections (each waited for) → build(deps) → start; on SIGTERM/SIGINT
 * service.stop() → the connections closed in reverse order → exit 0, all within the deadline (else
 * exit 1). A failure before start is one line on stderr and exit 1, never a stack trace or a password.
 * The skeleton opened the connections, so it is the one that closes them.
 */
export async function runService<C, S extends Specs>(def: ServiceDefinition<C, S>): Promise<void> {
  let config: C;
  try {
    config = def.loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const logger = def.createLogger(config);

  // Postgres or Redis down at start: wait for them (one line per attempt) instead of exiting, so a
  // restart during an outage comes up when they do rather than crash-looping.
  const wait = { log: (line: string) => logger.warn(line), maxWaitMs: def.startWaitMs?.(config) ?? 0 };
  const opened: Array<{ spec: ConnectionSpec<unknown>; client: unknown }> = [];
  const dropAll = () => Promise.all(opened.map(({ spec, client }) => spec.drop(client)));
  const clients: Record<string, unknown> = {};
  try {
    for (const [key, spec] of Object.entries(def.connections(config))) {
      const client = spec.open(logger);
      opened.push({ spec, client });
      clients[key] = client;
      await waitUntilReachable({ name: spec.name, where: spec.where, check: () => spec.check(client) }, wait);
    }
  } catch (err) {
    await dropAll();
    fail(`${def.name}: ${(err as Error).message}`);
  }

  let service: Service;
  try {
    service = await def.build({ config, logger, ...clients } as ServiceDeps<C, S>);
  } catch (err) {
    await dropAll();
    fail(`${def.name}: cannot start: ${reasonOf(err)}`);
  }

  const deadlineMs = def.shutdownTimeoutMs(config);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, deadlineMs }, `${def.name} stopping`);
    const deadline = setTimeout(() => {
      logger.error('shutdown deadline passed; exiting with work still running');
      process.exit(1);
    }, deadlineMs);
    deadline.unref();
    let code = 0;
    try {
      await service.stop();
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      code = 1;
    }
    // Reverse order: Redis before Postgres, as each was opened after the one it depends on.
    for (const { spec, client } of opened.toReversed()) await spec.close(client);
    logger.info(`${def.name} stopped`);
    process.exit(code);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  let started: Started | undefined;
  try {
    started = await service.start();
  } catch (err) {
    if (stopping) return;
    logger.error({ err }, 'start failed');
    await service.stop().catch(() => {});
    await dropAll();
    fail(`${def.name}: cannot start: ${reasonOf(err)}`);
  }
  if (!stopping) logger.info(started?.fields ?? {}, started?.message ?? `${def.name} started`);
}

/** One line on stderr (no stack, no password) and exit 1: a start that cannot go on. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
