import { ConfigError } from '@smm/config';
import { ensureDatabase, runMigrations } from '@smm/db';
import { createLogger } from '@smm/logger';
import { DependencyUnreachable, waitUntilReachable } from '@smm/service-kit';
import { buildGateway } from './app.ts';
import { type GatewayConfig, loadConfig } from './config.ts';
import { closeDeps, type GatewayDeps, openDeps } from './deps.ts';
import { ensureAdmin } from './use-cases/users.ts';

const SHUTDOWN_DEADLINE_MS = 10_000;

/** host:port/db without credentials, for messages a human reads. */
function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '(default port)'}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

function reason(e: unknown): string {
  const err = e as { code?: string; message?: string; errors?: unknown[] };
  // AggregateError (every address refused) carries the useful code on its parts.
  const inner = Array.isArray(err?.errors) ? (err.errors[0] as { code?: string } | undefined) : undefined;
  return [err?.code ?? inner?.code, err?.message].filter(Boolean).join(': ') || String(e);
}

function fail(message: string): never {
  process.stderr.write(`\ngateway: ${message}\n\n`);
  process.exit(1);
}

async function main(config: GatewayConfig) {
  const logger = createLogger({ service: 'gateway', level: config.logLevel, pretty: config.logPretty });
  if (config.jwt.secretGenerated) {
    logger.warn('JWT_SECRET not set: using a generated secret, sessions end when the process restarts');
  }

  // Postgres or Redis down at start: wait for them (one line per attempt) instead of exiting, so a
  // restart during an outage comes up when they do rather than crash-looping.
  const wait = { log: (line: string) => logger.warn(line), maxWaitMs: config.startWaitMs };
  try {
    await waitUntilReachable(
      {
        name: 'Postgres',
        where: `${where(config.databaseUrl)} (DATABASE_URL)`,
        check: () => ensureDatabase(config.databaseUrl),
      },
      wait,
    );
    await runMigrations(config.databaseUrl);
  } catch (e) {
    fail(
      e instanceof DependencyUnreachable
        ? e.message
        : `cannot prepare Postgres at ${where(config.databaseUrl)} (DATABASE_URL): ${reason(e)}`,
    );
  }
  let opened: GatewayDeps | undefined;
  try {
    await waitUntilReachable(
      {
        name: 'Redis',
        where: `${where(config.redisUrl)} (REDIS_URL)`,
        check: async () => {
          opened = await openDeps(config, { logger, redisTimeoutMs: 2_000 });
        },
      },
      wait,
    );
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (!opened) fail('could not open connections');
  const deps: GatewayDeps = opened;

  await ensureAdmin(deps.db.sql, config, logger);
  const app = await buildGateway(deps);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    // Stop taking requests first; closeDeps then goes queues → Redis → Postgres.
    await app.close().catch((err) => logger.error({ err }, 'closing HTTP server'));
    await closeDeps(deps);
    clearTimeout(deadline);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  logger.info({ docs: `http://localhost:${config.port}/docs` }, `gateway listening on port ${config.port}`);
}

let config: GatewayConfig;
try {
  config = loadConfig(process.env);
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
await main(config).catch((e) => fail(`failed to start: ${reason(e)}`));
