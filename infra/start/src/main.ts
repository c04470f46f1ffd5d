// `npm start`: the whole panel on one machine — migrations, seed, and the four services as
// separate processes with prefixed logs — until Ctrl-C stops them all in order.
import { join } from 'node:path';
import { databaseEnv, parseEnv, resolveSecretsKey, type ServiceProcess } from '@smm/config';
import { createDb, ensureDatabase, runMigrations } from '@smm/db';
import { z } from 'zod';
import { loadDevState } from './dev-state.ts';
import { checkPostgres, checkRedis } from './preflight.ts';
import { seed } from './seed.ts';
import { buildServiceBundles, bundlePath } from './service-bundles.ts';
import { type ProcessSpec, Supervised } from './supervisor.ts';
import { ensureWebBuilt } from './web-build.ts';

const root = join(import.meta.dirname, '..', '..', '..');

const env = parseEnv(
  'npm start',
  z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/smm'),
    // The seed honours it like the services (they read it from the inherited environment).
    DATABASE_PREPARE: databaseEnv.DATABASE_PREPARE,
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    PORT: z.coerce.number().int().default(3000),
    FORWARDER_PORT: z.coerce.number().int().default(3001),
    STATUS_SYNC_PORT: z.coerce.number().int().default(3002),
    SANDBOX_PORT: z.coerce.number().int().default(3100),
    SANDBOX_API_KEY: z.string().default('sandbox-key'),
    SANDBOX_ORDER_DURATION_MS: z.coerce.number().int().default(30_000),
    SYNC_INTERVAL_MS: z.coerce.number().int().default(10_000),
    ADMIN_EMAIL: z.string().default('admin@example.com'),
    ADMIN_PASSWORD: z.string().optional(),
    JWT_SECRET: z.string().optional(),
    SECRETS_KEY: z.string().optional(),
    DEMO_EMAIL: z.string().default('demo@example.com'),
    DEMO_PASSWORD: z.string().default('demo-password'),
    LOG_LEVEL: z.string().default('info'),
    PUBLIC_NUMBER_START: z.coerce.number().int().min(1).max(2_147_483_647).default(1000),
    SMM_DEV_STATE: z.string().default(join(root, '.smm-dev.json')),
  }),
  process.env,
);

function fail(message: string): never {
  process.stderr.write(`\nnpm start: ${message}\n\n`);
  process.exit(1);
}

const pgProblem = await checkPostgres(env.DATABASE_URL);
if (pgProblem) fail(pgProblem);
const redisProblem = await checkRedis(env.REDIS_URL);
if (redisProblem) fail(redisProblem);

try {
  await ensureDatabase(env.DATABASE_URL);
  await runMigrations(env.DATABASE_URL, { publicNumberStart: env.PUBLIC_NUMBER_START });
} catch (e) {
  fail(`could not migrate the database: ${(e as Error).message}`);
}

// The gateway serves the web pages from services/web/dist: build them when missing or stale.
const webBuild = await ensureWebBuilt(join(root, 'services', 'web'), (line) =>
  process.stdout.write(`${line}\n`),
);
if (webBuild !== 0)
  process.stderr.write('\nnpm start: the web pages did not build; the API runs without them\n\n');

// The services run from their bundles, as in the image: built again at every start (under a second).
try {
  await buildServiceBundles(root);
} catch (e) {
  fail(`could not build the services: ${(e as Error).message}`);
}

const dev = loadDevState(env.SMM_DEV_STATE);
const adminPassword = env.ADMIN_PASSWORD ?? dev.adminPassword;
const secretsKey = resolveSecretsKey({ SECRETS_KEY: env.SECRETS_KEY, NODE_ENV: env.NODE_ENV }, 'npm start');
const pretty = process.stdout.isTTY ? 'true' : 'false';
const common = {
  NODE_ENV: env.NODE_ENV,
  DATABASE_URL: env.DATABASE_URL,
  REDIS_URL: env.REDIS_URL,
  LOG_LEVEL: env.LOG_LEVEL,
  LOG_PRETTY: pretty,
  ALLOW_INSECURE_PROVIDER_URLS: 'true',
  ...(env.SECRETS_KEY ? { SECRETS_KEY: env.SECRETS_KEY } : {}),
};
const sandboxApiUrl = `http://127.0.0.1:${env.SANDBOX_PORT}/api/v2`;

const running = new Map<string, Supervised>();
let stopping = false;
// Stop taking orders first, then the workers (they finish their jobs), then the fake upstream.
const STOP_ORDER = ['gateway', 'forwarder', 'status-sync', 'sandbox-provider'];
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nstopping: gateway → forwarder → status-sync → sandbox …\n');
  for (const name of STOP_ORDER) await running.get(name)?.stop();
  process.stdout.write('all stopped\n');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function launch(name: ServiceProcess, port: number, color: number, extra: Record<string, string>) {
  const spec: ProcessSpec = {
    name,
    script: bundlePath(name),
    env: { ...common, PORT: String(port), ...extra },
    healthUrl: `http://127.0.0.1:${port}/healthz`,
    color,
  };
  // Each service is restarted on its own backoff when it dies; one failing never stops the others.
  const s = new Supervised(spec, root);
  running.set(name, s);
  return s;
}

try {
  const sandbox = launch('sandbox-provider', env.SANDBOX_PORT, 35, {
    HOST: '127.0.0.1',
    SANDBOX_API_KEY: env.SANDBOX_API_KEY,
    SANDBOX_ORDER_DURATION_MS: String(env.SANDBOX_ORDER_DURATION_MS),
  });
  await sandbox.waitHealthy();

  const db = createDb(env.DATABASE_URL, { max: 2, prepare: env.DATABASE_PREPARE });
  try {
    const seeded = await seed(db.sql, {
      sandboxApiUrl,
      sandboxApiKey: env.SANDBOX_API_KEY,
      secretsKey,
      demoEmail: env.DEMO_EMAIL,
      demoPassword: env.DEMO_PASSWORD,
      markupPercent: '25',
    });
    process.stdout.write(
      `seeded: sandbox provider ${seeded.providerId}, services +${seeded.services.created} ~${seeded.services.updated}` +
        `${seeded.demoCreated ? ', demo customer with 100.00 USD' : ''}\n`,
    );
  } finally {
    await db.close();
  }

  const gateway = launch('gateway', env.PORT, 36, {
    HOST: '0.0.0.0',
    JWT_SECRET: env.JWT_SECRET ?? dev.jwtSecret,
    ADMIN_EMAIL: env.ADMIN_EMAIL,
    ADMIN_PASSWORD: adminPassword,
    ALLOW_REGISTRATION: 'true',
  });
  const forwarder = launch('forwarder', env.FORWARDER_PORT, 33, {
    FORWARD_FIRST_STATUS_CHECK_MS: process.env.FORWARD_FIRST_STATUS_CHECK_MS ?? '5000',
  });
  const statusSync = launch('status-sync', env.STATUS_SYNC_PORT, 32, {
    SYNC_INTERVAL_MS: String(env.SYNC_INTERVAL_MS),
    // Demo orders take ~30 s: poll them every ~6 s instead of every minute.
    SYNC_POLL_SCALE: process.env.SYNC_POLL_SCALE ?? '0.1',
  });
  await Promise.all([gateway.waitHealthy(), forwarder.waitHealthy(), statusSync.waitHealthy()]);
} catch (e) {
  process.stderr.write(`\nnpm start: ${(e as Error).message}\n`);
  await shutdown(1);
}

const base = `http://localhost:${env.PORT}`;
process.stdout.write(`
  SMM panel is running
  ────────────────────────────────────────────────────────────
  API            ${base}/api
  Web pages      ${base}/login
  API docs       ${base}/docs
  Bull Board     ${base}/admin/queues   (log in as admin first)
  Metrics        ${base}/metrics
  Sandbox        ${sandboxApiUrl}   (key: ${env.SANDBOX_API_KEY})

  admin          ${env.ADMIN_EMAIL} / ${adminPassword}
  demo customer  ${env.DEMO_EMAIL} / ${env.DEMO_PASSWORD}   (100.00 USD)

  Ctrl-C stops everything.
`);
