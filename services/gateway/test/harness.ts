import { createHmac } from 'node:crypto';
import type { SqlLike } from '@smm/db';
import { newId } from '@smm/domain';
import { createLogger } from '@smm/logger';
import type { TestDatabase } from '@smm/testkit';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl } from '@smm/testkit/vitest';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildGateway, closeDeps, type GatewayDeps, loadConfig, openDeps } from '../src/index.ts';

export const TEST_JWT_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface TestGateway {
  app: FastifyInstance;
  deps: GatewayDeps;
  prefix: string;
  redisUrl: string;
}

/**
 * A real gateway on the file's test database and the test Redis, with a unique BullMQ and
 * rate-limit prefix, limits raised unless the test sets them; closed after the file.
 */
export async function startGateway(
  t: TestDatabase,
  env: Record<string, string> = {},
  opts: { redisUrl?: string; redisTimeoutMs?: number; logs?: string[] } = {},
): Promise<TestGateway> {
  const prefix = testPrefix('gw');
  const redisUrl = opts.redisUrl ?? testRedisUrl();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: t.url,
    REDIS_URL: redisUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    BULL_PREFIX: prefix,
    RATE_LIMIT_PREFIX: `${prefix}:rl:`,
    ORDER_RATE_MAX: '100000',
    LOGIN_RATE_MAX: '100000',
    DEPOSIT_RATE_MAX: '100000',
    ...env,
  });
  // With `logs`, every line the gateway writes (debug and up) is kept for the test to search.
  const logs = opts.logs;
  const logger = logs
    ? createLogger({
        service: 'gateway-test',
        level: 'debug',
        destination: { write: (line) => logs.push(line) },
      })
    : createLogger({ service: 'gateway-test', level: config.logLevel });
  const deps = await openDeps(config, { db: t, logger, redisTimeoutMs: opts.redisTimeoutMs ?? 5_000 });
  const app = await buildGateway(deps);
  await app.ready();
  afterAll(async () => {
    await app.close();
    await closeDeps(deps, { keepDb: true });
    await deletePrefix(testRedisUrl(), prefix).catch(() => {});
  });
  return { app, deps, prefix, redisUrl };
}

export interface Catalog {
  providerId: string;
  catA: string;
  catB: string;
  catInactive: string;
  auto: string;
  manual: string;
  inactive: string;
  pkg: string;
  inB: string;
  inInactiveCat: string;
  usdOnly: string;
}

/** One provider, three categories and a service for each rule the intake checks. */
export async function seedCatalog(sql: SqlLike): Promise<Catalog> {
  const c: Catalog = {
    providerId: newId('provider'),
    catA: newId('category'),
    catB: newId('category'),
    catInactive: newId('category'),
    auto: newId('service'),
    manual: newId('service'),
    inactive: newId('service'),
    pkg: newId('service'),
    inB: newId('service'),
    inInactiveCat: newId('service'),
    usdOnly: newId('service'),
  };
  await sql`insert into api_providers (id, name, api_url, api_key_enc) values (${c.providerId}, 'P', 'https://p.example', 'x')`;
  await sql`insert into categories (id, name, sort_order) values (${c.catA}, 'Instagram', 1), (${c.catB}, 'TikTok', 2)`;
  await sql`insert into categories (id, name, status) values (${c.catInactive}, 'Old', 'inactive')`;
  const svc = (
    id: string,
    name: string,
    cat: string,
    extra: {
      mode?: string;
      status?: string;
      type?: string;
      rate?: string | null;
      usd?: string | null;
      min?: number;
      max?: number;
      psid: string;
    },
  ) => sql`
    insert into services (id, name, category_id, provider_id, provider_service_id, type, rate, rate_usd, min_order, max_order, mode, status, refill)
    values (${id}, ${name}, ${cat}, ${c.providerId}, ${extra.psid}, ${extra.type ?? 'Default'},
            ${extra.rate === undefined ? '100' : extra.rate}, ${extra.usd === undefined ? '0.9' : extra.usd},
            ${extra.min ?? 10}, ${extra.max ?? 10000}, ${extra.mode ?? 'auto'}, ${extra.status ?? 'active'}, true)`;
  await svc(c.auto, 'IG followers', c.catA, { psid: '1' });
  await svc(c.manual, 'IG manual likes', c.catA, { psid: '2', mode: 'manual' });
  await svc(c.inactive, 'IG retired', c.catA, { psid: '3', status: 'inactive' });
  await svc(c.pkg, 'IG package', c.catA, {
    psid: '4',
    type: 'Package',
    rate: '50',
    usd: '0.5',
    min: 1,
    max: 1,
  });
  await svc(c.inB, 'TT views', c.catB, { psid: '5' });
  await svc(c.inInactiveCat, 'Old thing', c.catInactive, { psid: '6' });
  await svc(c.usdOnly, 'USD only', c.catB, { psid: '7', rate: null, usd: '1.5' });
  return c;
}

/** A user funded through a deposit ledger row, so balance = Σ ledger holds from the start. */
export async function seedUser(
  sql: SqlLike,
  opts: { balance?: string; currency?: 'BDT' | 'USD'; role?: 'user' | 'admin'; dollarRate?: string } = {},
): Promise<string> {
  const id = newId('user');
  const currency = opts.currency ?? 'BDT';
  await sql`insert into users (id, email, name, password_hash, role, currency, dollar_rate)
            values (${id}, ${`${id}@example.com`}, 'Test', 'not-a-hash', ${opts.role ?? 'user'}, ${currency},
                    ${opts.dollarRate ?? '120'})`;
  const balance = opts.balance ?? '0';
  if (balance !== '0') {
    await sql`with u as (update users set balance = ${balance}::numeric where id = ${id} returning balance)
              insert into ledger (id, user_id, kind, amount, balance_after, currency, note)
              select ${newId('ledger')}, ${id}, 'deposit', ${balance}::numeric, u.balance, ${currency}, 'seed' from u`;
  }
  return id;
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** Hand-made JWTs for the attacks a real library would refuse to produce. */
export function rawJwt(header: object, payload: object, secret: string | null): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc(header)}.${enc(payload)}`;
  if (secret === null) return `${head}.`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

export async function counts(sql: SqlLike, userId: string) {
  const [r] = await sql<
    { orders: number; ledger: number; activity: number; balance: string; keys: number }[]
  >`
    select (select count(*)::int from orders where user_id = ${userId}) as orders,
           (select count(*)::int from ledger where user_id = ${userId}) as ledger,
           (select count(*)::int from activity_log where user_id = ${userId}) as activity,
           (select count(*)::int from idempotency_keys where user_id = ${userId}) as keys,
           (select balance::text from users where id = ${userId}) as balance`;
  return r!;
}
