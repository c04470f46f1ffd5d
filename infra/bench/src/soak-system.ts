/**
 * The whole panel as `npm start` runs it — sandbox provider, gateway, forwarder, status-sync, each its
 * own process — on a fresh database (smm_bench_soak), a unique BullMQ prefix and free loopback
 * ports. It reuses npm start's own pieces (infra/start: `seed`, the process runner) rather than
 * copies; every process is tracked by children.ts, so it dies with the benchmark whatever happens.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { resolveSecretsKey } from '@smm/config';
import { adjustBalance, createDb } from '@smm/db';
import { seed } from '@smm/start/seed';
import { buildServiceBundles, bundlePath } from '@smm/start/service-bundles';
import { type ProcessSpec, type Running, startProcess, stopOne, waitHealthy } from '@smm/start/supervisor';
import { freePort } from '@smm/testkit';
import { track } from './children.ts';
import { freshDatabase } from './forward-seed.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Stopped in this order, like npm start: intake first, the fake upstream last. */
export const PROCESSES = ['gateway', 'forwarder', 'status-sync', 'sandbox-provider'] as const;
export type ProcessName = (typeof PROCESSES)[number];

export interface SoakSystem {
  gatewayUrl: string;
  /** The BullMQ (and rate-limit) key prefix, to clean up after. */
  prefix: string;
  /** The demo customer's session token and the one service the load orders. */
  token: string;
  order: { categoryId: string; serviceId: string; qty: number };
  /** Current pid of each process (npm start's runner never restarts: a death is a finding). */
  pid(name: ProcessName): number;
  alive(name: ProcessName): boolean;
  /** Orders by status and users whose balance ≠ Σ ledger, for the closing lines. */
  books(): Promise<{ byStatus: Record<string, number>; drift: number }>;
  stop(): Promise<void>;
}

export async function startSoakSystem(opts: { databaseUrl: string; redisUrl: string }): Promise<SoakSystem> {
  await freshDatabase(opts.databaseUrl);
  // Each process runs from its bundle, as npm start and the image run it.
  await buildServiceBundles(root, PROCESSES);
  const prefix = `bench-soak-${randomBytes(4).toString('hex')}`;
  const ports = {
    gateway: await freePort(),
    forwarder: await freePort(),
    'status-sync': await freePort(),
    'sandbox-provider': await freePort(),
  };
  const sandboxKey = 'soak-sandbox-key';
  const common = {
    NODE_ENV: 'development',
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    BULL_PREFIX: prefix,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    ALLOW_INSECURE_PROVIDER_URLS: 'true',
  };
  const extra: Record<ProcessName, Record<string, string>> = {
    'sandbox-provider': {
      SANDBOX_API_KEY: sandboxKey,
      // Orders finish within seconds, so status-sync polls, completes and refunds all along.
      SANDBOX_ORDER_DURATION_MS: '8000',
      SANDBOX_BALANCE: '1000000000',
    },
    gateway: {
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      RATE_LIMIT_PREFIX: `${prefix}:rl:`,
      // One customer places every order: the per-user limit would cap the load at 2/s.
      ORDER_RATE_MAX: '1000000000',
    },
    forwarder: { FORWARD_FIRST_STATUS_CHECK_MS: '3000' },
    'status-sync': { SYNC_INTERVAL_MS: '5000', SYNC_POLL_SCALE: '0.1' },
  };
  const running = new Map<ProcessName, Running>();
  const launch = async (name: ProcessName, color: number) => {
    const spec: ProcessSpec = {
      name,
      script: bundlePath(name),
      env: { ...common, PORT: String(ports[name]), ...extra[name] },
      // /readyz where there is one: Postgres and Redis answer, not just the process.
      healthUrl: `http://127.0.0.1:${ports[name]}/${name === 'sandbox-provider' ? 'healthz' : 'readyz'}`,
      color,
    };
    const r = startProcess(spec, root);
    track(r.child);
    running.set(name, r);
    await waitHealthy(r, 60_000);
  };

  await launch('sandbox-provider', 35);
  const db = createDb(opts.databaseUrl, { max: 2, applicationName: 'bench-soak' });
  const demo = { email: 'soak@example.com', password: 'soak-password' };
  const seeded = await seed(db.sql, {
    sandboxApiUrl: `http://127.0.0.1:${ports['sandbox-provider']}/api/v2`,
    sandboxApiKey: sandboxKey,
    // The fixed development key the services use with NODE_ENV=development and no SECRETS_KEY.
    secretsKey: resolveSecretsKey({ NODE_ENV: 'development' }, 'bench:soak'),
    demoEmail: demo.email,
    demoPassword: demo.password,
    markupPercent: '25',
  });
  const [customer] = await db.sql<{ id: string }[]>`select id from users where email = ${demo.email}`;
  // 100 USD would run out within minutes at 20 orders/s: a deposit like any other.
  await adjustBalance(db.sql, { userId: customer!.id, amount: '1000000', kind: 'deposit', note: 'soak' });
  const [service] = await db.sql<{ serviceId: string; categoryId: string; qty: number }[]>`
    select id as "serviceId", category_id as "categoryId", min_order as qty from services
    where provider_id = ${seeded.providerId} and type = 'Default' and status = 'active' and mode = 'auto'
    order by rate_usd limit 1`;
  if (!service) throw new Error('the sandbox catalog has no Default service to order');

  await Promise.all([launch('gateway', 36), launch('forwarder', 33), launch('status-sync', 32)]);
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const login = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demo),
  });
  if (!login.ok) throw new Error(`login → ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };

  const current = (name: ProcessName) => {
    const r = running.get(name);
    if (!r) throw new Error(`${name} is not running`);
    return r;
  };
  return {
    gatewayUrl,
    prefix,
    token,
    order: service,
    pid: (name) => current(name).child.pid ?? -1,
    alive: (name) => {
      const c = current(name).child;
      return c.exitCode === null && c.signalCode === null;
    },
    async books() {
      const rows = await db.sql<{ status: string; n: number }[]>`
        select status, count(*)::int as n from orders group by status order by status`;
      const [d] = await db.sql<{ n: number }[]>`
        select count(*)::int as n from users u
        where u.balance <> (select coalesce(sum(amount), 0) from ledger l where l.user_id = u.id)`;
      return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])), drift: d!.n };
    },
    async stop() {
      for (const name of PROCESSES) {
        const r = running.get(name);
        if (r) await stopOne(r, 15_000);
      }
      await db.close(2);
    },
  };
}
