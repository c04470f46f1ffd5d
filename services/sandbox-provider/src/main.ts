import { ConfigError, parseEnv } from '@smm/config';
import { createLogger } from '@smm/logger';
import { buildSandbox } from './build-sandbox.ts';
import { sandboxEnvSchema } from './config.ts';
import { sandboxOptionsSchema, toSettings } from './options.ts';

const env = readEnv();
const logger = createLogger({
  service: 'sandbox-provider',
  level: env.LOG_LEVEL,
  ...(env.LOG_PRETTY !== undefined ? { pretty: env.LOG_PRETTY } : {}),
});

const options = sandboxOptionsSchema.parse({
  apiKey: env.SANDBOX_API_KEY.split(',')
    .map((k) => k.trim())
    .filter((k) => k !== ''),
  seed: env.SANDBOX_SEED,
  durationMs: env.SANDBOX_ORDER_DURATION_MS,
  partialRate: env.SANDBOX_PARTIAL_RATE,
  cancelRate: env.SANDBOX_CANCEL_RATE,
  balance: env.SANDBOX_BALANCE,
  currency: env.SANDBOX_CURRENCY,
  rejectActiveLink: env.SANDBOX_REJECT_ACTIVE_LINK,
  firstOrderId: env.SANDBOX_FIRST_ORDER_ID,
});

const settings = toSettings(options);
const sandbox = buildSandbox({ settings, adminToken: env.SANDBOX_ADMIN_TOKEN, logger });
await sandbox.listener.listen(env.PORT, env.HOST);
logger.info(
  {
    apiUrl: `http://${env.HOST}:${sandbox.listener.port}/api/v2`,
    services: settings.catalog.length,
    durationMs: options.durationMs,
    seed: options.seed,
  },
  'sandbox provider listening',
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'sandbox provider shutting down');
  const deadline = setTimeout(() => {
    logger.error({ timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, 'shutdown deadline passed, exiting');
    process.exit(1);
  }, env.SHUTDOWN_TIMEOUT_MS);
  deadline.unref();
  try {
    await sandbox.listener.close();
    logger.info('sandbox provider stopped');
  } catch (err) {
    logger.error({ err }, 'error while shutting down');
    process.exitCode = 1;
  }
}

process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

function readEnv() {
  try {
    return parseEnv('sandbox-provider', sandboxEnvSchema, process.env);
  } catch (err) {
    // A readable list of the bad variables beats a stack trace; values are never echoed.
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
