/**
 * Order intake benchmark: POST /api/user/create-orders against a real gateway process, spread over
 * 1,000 funded users, next to two baselines measured in the same run on the same machine: pgbench
 * running the same charge statement, and Fastify answering an empty route.
 * Loopback only; every phase is bounded in time; it stops by itself.
 */
import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serviceNodeFlags } from '@smm/config';
import { ensureDatabase, runMigrations } from '@smm/db';
import { newId } from '@smm/domain';
import { buildServiceBundles, bundlePath } from '@smm/start/service-bundles';
import { deletePrefix } from '@smm/testkit';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { chargeScript } from './charge-pgbench.ts';
import { freePort, hardDeadline, killAll, root, startChild, stopChild } from './children.ts';
import { vmMiB } from './proc-memory.ts';
import { writeResults } from './results.ts';

const env = process.env;
const DATABASE_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/smm_bench';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION_S = Number(env.BENCH_DURATION_S ?? 20);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 64);
const USERS = Number(env.BENCH_USERS ?? 1000);
const WARMUP_S = Number(env.BENCH_WARMUP_S ?? 3);
const DB_POOL_MAX = env.BENCH_DB_POOL_MAX ?? '16';
const HARD_DEADLINE_MS = (DURATION_S * 3 + WARMUP_S * 2 + 120) * 1000;

const here = fileURLToPath(new URL('.', import.meta.url));
hardDeadline('bench', HARD_DEADLINE_MS);

function log(line: string) {
  process.stderr.write(`bench: ${line}\n`);
}

function userId(n: number): string {
  // Deterministic ids so the pgbench script can name the same users: 'usr_' + 26 base32 digits.
  return `usr_${String(n).padStart(26, '0')}`;
}

function jwt(secret: string, sub: string): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub, role: 'user', iss: 'smm-gateway', aud: 'smm-panel', iat: now, exp: now + 3600 })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

interface Catalog {
  categoryId: string;
  serviceId: string;
  providerId: string;
}

async function prepareDatabase(): Promise<Catalog> {
  await ensureDatabase(DATABASE_URL);
  await runMigrations(DATABASE_URL);
  const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await sql`truncate activity_log, ledger, idempotency_keys, refills, orders, services, categories, api_providers, users cascade`;
    const c: Catalog = {
      categoryId: newId('category'),
      serviceId: newId('service'),
      providerId: newId('provider'),
    };
    await sql`insert into api_providers (id, name, api_url, api_key_enc) values (${c.providerId}, 'bench', 'https://p.example', 'x')`;
    await sql`insert into categories (id, name) values (${c.categoryId}, 'Bench')`;
    await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd, min_order, max_order, mode)
              values (${c.serviceId}, 'Bench followers', ${c.categoryId}, ${c.providerId}, '1', '100', '0.9', 10, 100000, 'auto')`;
    // Funded through a deposit ledger row each, like real money arrives.
    await sql`
      with u as (
        insert into users (id, email, name, password_hash, balance)
        select 'usr_' || lpad(n::text, 26, '0'), 'bench' || n || '@example.com', 'Bench', 'x', 1000000000
        from generate_series(1, ${USERS}::int) n
        returning id, balance
      )
      insert into ledger (id, user_id, kind, amount, balance_after, currency, note)
      select 'led_' || replace(gen_random_uuid()::text, '-', ''), id, 'deposit', balance, balance, 'BDT', 'bench' from u`;
    await sql`vacuum analyze`;
    return c;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

function pgbenchPath(): string {
  const found = ['/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'].find((p) => existsSync(p));
  return found ?? 'pgbench';
}

async function runPgbench(c: Catalog): Promise<{ tps: number; latencyMs: number }> {
  const u = new URL(DATABASE_URL);
  const dir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  const script = join(dir, 'charge-order.pgbench.sql');
  writeFileSync(script, await chargeScript(DATABASE_URL, c));
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(CONNECTIONS),
    '-j',
    '2',
    '-T',
    String(DURATION_S),
    '-f',
    script,
    '-D',
    `users=${USERS}`,
    '-D',
    `svc=${c.serviceId}`,
    '-D',
    `cat=${c.categoryId}`,
    '-D',
    `prv=${c.providerId}`,
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
    u.pathname.slice(1),
  ];
  const { stdout } = await promisify(execFile)(pgbenchPath(), args, {
    env: { ...env, PGPASSWORD: decodeURIComponent(u.password) },
    timeout: (DURATION_S + 60) * 1000,
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
  const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1] ?? Number.NaN);
  return { tps, latencyMs };
}

function ordersLoad(port: number, duration: number, tokens: string[], body: string) {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/user/create-orders',
        headers: { 'content-type': 'application/json' },
        body,
        setupRequest: (req) => {
          const token = tokens[next++ % tokens.length]!;
          return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
        },
      },
    ],
  });
}

/** A baseline server (`script` answering POST create-orders): started, warmed up, loaded, stopped. */
async function loadBaseline(args: string[], childEnv: NodeJS.ProcessEnv, body: string) {
  const port = await freePort();
  const server = await startChild([...args, String(port)], childEnv, async () => {
    const r = await fetch(`http://127.0.0.1:${port}/api/user/create-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return r.ok;
  });
  const tokens = Array.from({ length: USERS }, (_, i) => `token-${i}`);
  await ordersLoad(port, WARMUP_S, tokens, body);
  const res = await ordersLoad(port, DURATION_S, tokens, body);
  await stopChild(server);
  return res;
}

function emptyRoute(body: string) {
  return loadBaseline([`${here}empty-server.ts`], env, body);
}

/** The floor server (floor-server.ts): the gateway's two writes per order and nothing else. */
async function floorRoute(body: string, c: Catalog) {
  const prefix = `bench-floor-${randomBytes(4).toString('hex')}`;
  const res = await loadBaseline(
    [...serviceNodeFlags('gateway'), `${here}floor-server.ts`],
    {
      ...env,
      DATABASE_URL,
      REDIS_URL,
      BULL_PREFIX: prefix,
      DB_POOL_MAX,
      BENCH_USERS: String(USERS),
      BENCH_CATEGORY_ID: c.categoryId,
      BENCH_SERVICE_ID: c.serviceId,
      BENCH_PROVIDER_ID: c.providerId,
    },
    body,
  );
  await deletePrefix(REDIS_URL, prefix);
  return res;
}

async function main() {
  log(`database ${new URL(DATABASE_URL).pathname.slice(1)}: migrating and seeding ${USERS} funded users`);
  const catalog = await prepareDatabase();
  const body = JSON.stringify({
    categoryId: catalog.categoryId,
    serviceId: catalog.serviceId,
    link: 'https://instagram.com/gateway-bench',
    qty: 100,
  });

  // BENCH_ONLY=gateway skips the baselines while tuning; the printed comparison then says n/a.
  const baselines = env.BENCH_ONLY !== 'gateway';
  log(`pgbench: same charge statement, -c ${CONNECTIONS} -j 2 -T ${DURATION_S}`);
  const pg = baselines ? await runPgbench(catalog) : { tps: Number.NaN, latencyMs: Number.NaN };

  log('fastify empty route');
  const emptyRes = baselines ? await emptyRoute(body) : null;

  log('floor: the two writes alone (floor-server.ts)');
  const floorRes = baselines ? await floorRoute(body, catalog) : null;

  log('gateway');
  // From its bundle, as npm start and the image run it.
  await buildServiceBundles(root, ['gateway']);
  const secret = randomBytes(32).toString('hex');
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const gwPort = await freePort();
  const gateway = await startChild(
    // e.g. BENCH_GATEWAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the time goes.
    [
      // The flags every service runs with (libs/config node-flags.ts), then the bench's own.
      ...serviceNodeFlags('gateway'),
      ...(env.BENCH_GATEWAY_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      bundlePath('gateway'),
    ],
    {
      ...env,
      NODE_ENV: 'production',
      DATABASE_URL,
      REDIS_URL,
      PORT: String(gwPort),
      HOST: '127.0.0.1',
      JWT_SECRET: secret,
      // Production refuses to start without a key for provider secrets at rest.
      SECRETS_KEY: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      // …and without a token for /metrics.
      METRICS_TOKEN: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'warn',
      ORDER_RATE_MAX: '1000000000',
      LOGIN_RATE_MAX: '1000000000',
      BULL_PREFIX: prefix,
      RATE_LIMIT_PREFIX: `${prefix}:rl:`,
      DB_POOL_MAX,
    },
    async () => (await fetch(`http://127.0.0.1:${gwPort}/readyz`)).ok,
  );
  const tokens = Array.from({ length: USERS }, (_, i) => jwt(secret, userId(i + 1)));
  await ordersLoad(gwPort, WARMUP_S, tokens, body);
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, vmMiB(gateway.pid!, 'VmRSS'));
  }, 250);
  const gw = await ordersLoad(gwPort, DURATION_S, tokens, body);
  clearInterval(sampler);
  const hwm = vmMiB(gateway.pid!, 'VmHWM');
  await stopChild(gateway);

  // Check what the load did to the books: every 201 is one order, and no user's balance drifted.
  const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  const [books] = await sql<{ orders: number; floorOrders: number; drift: number }[]>`
    select (select count(*)::int from orders where link = 'https://instagram.com/gateway-bench') as orders,
           (select count(*)::int from orders where link = 'https://instagram.com/floor-bench') as "floorOrders",
           (select count(*)::int from users u
             where u.balance <> (select coalesce(sum(amount), 0) from ledger l where l.user_id = u.id)) as drift`;
  await sql.end({ timeout: 2 });
  const queued = await deletePrefix(REDIS_URL, prefix);

  const measured = gw['2xx'] / gw.duration;
  const ratio = measured / pg.tps;
  const fmt = (n: number, d = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    '',
    `order intake benchmark — ${CONNECTIONS} connections, ${DURATION_S} s, ${USERS} users, loopback`,
    '',
    `  gateway create-orders   ${fmt(measured)} orders/s   p50 ${fmt(gw.latency.p50, 1)} ms   p99 ${fmt(gw.latency.p99, 1)} ms   ` +
      `(${fmt(gw['2xx'])} × 2xx, ${fmt(gw.non2xx)} non-2xx, ${gw.errors} errors, ${gw.timeouts} timeouts)`,
    `  gateway peak RSS        ${fmt(hwm, 1)} MiB (VmHWM; sampled VmRSS max ${fmt(peakRss, 1)} MiB)`,
    `  pgbench same statement  ${fmt(pg.tps)} tx/s   avg latency ${fmt(pg.latencyMs, 2)} ms`,
    emptyRes
      ? `  fastify empty route     ${fmt(emptyRes.requests.average)} req/s   p50 ${fmt(emptyRes.latency.p50, 1)} ms   p99 ${fmt(emptyRes.latency.p99, 1)} ms`
      : '  fastify empty route     n/a (BENCH_ONLY=gateway)',
    floorRes
      ? `  floor: the two writes   ${fmt(floorRes['2xx'] / floorRes.duration)} orders/s   p50 ${fmt(floorRes.latency.p50, 1)} ms   p99 ${fmt(floorRes.latency.p99, 1)} ms   (charge statement + forward enqueue, nothing else)`
      : '  floor: the two writes   n/a (BENCH_ONLY=gateway)',
    '',
    `  gateway / pgbench       ${fmt(ratio, 2)}   (target ≥ 0.75, p99 ≤ 80 ms)`,
    floorRes
      ? `  gateway / floor         ${fmt(measured / (floorRes['2xx'] / floorRes.duration), 2)}   (what the gateway's own code costs; floor / pgbench ${fmt(floorRes['2xx'] / floorRes.duration / pg.tps, 2)} is what Node, the drivers and the machine cost)`
      : '  gateway / floor         n/a',
    `  books                   ${fmt(books!.orders)} gateway and ${fmt(books!.floorOrders)} floor orders in Postgres (incl. warm-up), ${books!.drift} users with balance ≠ Σ ledger, ${fmt(queued)} Redis keys cleaned`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const path = writeResults('intake', {
    ordersPerSec: measured,
    p99Ms: gw.latency.p99,
    pgbenchTps: pg.tps,
    gatewayPeakRssMiB: hwm,
    floorOrdersPerSec: floorRes ? floorRes['2xx'] / floorRes.duration : null,
    floorP99Ms: floorRes ? floorRes.latency.p99 : null,
  });
  log(`figures written to ${path}`);
}

try {
  await main();
} catch (e) {
  killAll();
  process.stderr.write(`bench: failed: ${(e as Error).message}\n`);
  process.exit(1);
}
process.exit(0);
