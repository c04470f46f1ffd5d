import { parseEnv } from '@smm/config';
import { createLogger } from '@smm/logger';
import { runService, type ServiceDeps } from '@smm/service-kit';
import { buildSandbox } from './build-sandbox.ts';
import { sandboxEnvSchema } from './config.ts';
import { type SandboxOptions, sandboxOptionsSchema, toSettings } from './options.ts';

function loadConfig(processEnv: NodeJS.ProcessEnv) {
  // A ConfigError names the bad variables (never their values); the skeleton prints it and exits 1.
  const env = parseEnv('sandbox-provider', sandboxEnvSchema, processEnv);
  const options: SandboxOptions = sandboxOptionsSchema.parse({
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
  return { env, options };
}

type Config = ReturnType<typeof loadConfig>;

/** The fake upstream panel: no Postgres, no Redis — the same skeleton with no connections. */
function build({ config: { env, options }, logger }: ServiceDeps<Config, Record<never, never>>) {
  const settings = toSettings(options);
  const sandbox = buildSandbox({ settings, adminToken: env.SANDBOX_ADMIN_TOKEN, logger });
  return {
    async start() {
      await sandbox.listener.listen(env.PORT, env.HOST);
      return {
        message: 'sandbox provider listening',
        fields: {
          apiUrl: `http://${env.HOST}:${sandbox.listener.port}/api/v2`,
          services: settings.catalog.length,
          durationMs: options.durationMs,
          seed: options.seed,
        },
      };
    },
    stop: () => sandbox.listener.close(),
  };
}

/** The only place the sandbox reads process.env. */
await runService({
  name: 'sandbox-provider',
  loadConfig,
  createLogger: ({ env }) =>
    createLogger({
      service: 'sandbox-provider',
      level: env.LOG_LEVEL,
      ...(env.LOG_PRETTY !== undefined ? { pretty: env.LOG_PRETTY } : {}),
    }),
  connections: () => ({}),
  build,
  shutdownTimeoutMs: ({ env }) => env.SHUTDOWN_TIMEOUT_MS,
});
