import { chargeAndCreateOrders, createDb, createSecretBox, type SqlLike } from '@smm/db';
import { dec, newId, roundMoney } from '@smm/domain';
import { createLogger } from '@smm/logger';
import { ProviderClient } from '@smm/provider-client';
import { createProducerConnection, createWorkerConnection, Producer } from '@smm/queue';
import type { RunningSandbox } from '@smm/sandbox-provider';
import { closeRedis } from '@smm/service-kit';
import { buildStatusSync, loadConfig, type StatusSync, type StatusSyncConfig } from '../src/index.ts';

export function testConfig(
  dbUrl: string,
  redisUrl: string,
  prefix: string,
  extra: Record<string, string> = {},
) {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    BULL_PREFIX: prefix,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    PENDING_GRACE_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...extra,
  });
}

/**
 * A status-sync instance with its own connections, as a separate replica would have. The helper
 * created them, so its close() closes them after the service's own close().
 */
export function buildInstance(config: StatusSyncConfig, opts: { schedulers?: boolean } = {}): StatusSync {
  const db = createDb(config.databaseUrl, { max: 5, applicationName: 'status-sync-test' });
  const producer = new Producer({
    connection: createProducerConnection(config.redisUrl),
    prefix: config.bullPrefix,
  });
  const workerConnection = createWorkerConnection(config.redisUrl);
  const service = buildStatusSync({
    config,
    db,
    producer,
    workerConnection,
    logger: createLogger({ service: 'status-sync', level: 'silent' }),
    schedulers: opts.schedulers ?? false,
  });
  let closing: Promise<void> | undefined;
  return {
    ...service,
    close() {
      closing ??= (async () => {
        await service.close();
        await producer.close();
        await Promise.all([closeRedis(producer.connection), closeRedis(workerConnection)]);
        await db.close();
      })();
      return closing;
    },
  };
}

export async function insertUser(sql: SqlLike, balance: string, currency: 'BDT' | 'USD' = 'USD') {
  const id = newId('user');
  await sql`insert into users (id, email, name, password_hash, balance, currency)
            values (${id}, ${`${id}@example.com`}, 'Test', 'x', 0, ${currency})`;
  // Funds arrive as a deposit so `balance = Σ ledger` holds from the start.
  await sql`with u as (update users set balance = ${balance}::numeric where id = ${id} returning balance)
            insert into ledger (id, user_id, kind, amount, balance_after, currency, note)
            select ${newId('ledger')}, ${id}, 'deposit', ${balance}::numeric, u.balance, ${currency}, 'seed' from u`;
  return id;
}

export interface TestProvider {
  providerId: string;
  serviceId: string;
  categoryId: string;
  sandbox: RunningSandbox;
  client: ProviderClient;
}

/** A provider row pointing at a sandbox (key encrypted as the gateway stores it) and one service on it. */
export async function insertProvider(
  sql: SqlLike,
  config: StatusSyncConfig,
  sandbox: RunningSandbox,
  opts: { mode?: 'auto' | 'manual'; providerServiceId?: number } = {},
): Promise<TestProvider> {
  const providerId = newId('provider');
  const categoryId = newId('category');
  const serviceId = newId('service');
  const keyEnc = createSecretBox(config.secretsKey).encrypt(sandbox.apiKey);
  await sql`insert into categories (id, name) values (${categoryId}, 'Followers')`;
  await sql`insert into api_providers (id, name, api_url, api_key_enc)
            values (${providerId}, 'Sandbox', ${sandbox.apiUrl}, ${keyEnc})`;
  await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd,
                                  min_order, max_order, mode)
            values (${serviceId}, 'IG followers', ${categoryId}, ${providerId},
                    ${String(opts.providerServiceId ?? 1)}, '100', '1', 10, 100000, ${opts.mode ?? 'auto'})`;
  return {
    providerId,
    serviceId,
    categoryId,
    sandbox,
    client: new ProviderClient({ apiUrl: sandbox.apiUrl, apiKey: sandbox.apiKey }),
  };
}

export interface PlacedOrder {
  orderId: string;
  providerOrderId: string;
  price: string;
  quantity: number;
}

/** Charges a customer for an order (ledger and all) and leaves it `pending`, as the gateway does. */
export async function chargeOrder(
  sql: SqlLike,
  p: TestProvider,
  userId: string,
  opts: { link: string; quantity: number; price: string },
): Promise<string> {
  const orderId = newId('order');
  const price = roundMoney(opts.price);
  const res = await chargeAndCreateOrders(sql, {
    userId,
    currency: 'USD',
    total: price,
    actorId: userId,
    lines: [
      {
        orderId,
        serviceId: p.serviceId,
        categoryId: p.categoryId,
        providerId: p.providerId,
        link: opts.link,
        quantity: opts.quantity,
        price,
        bdtPrice: roundMoney(dec(price).times(120)),
        usdPrice: price,
      },
    ],
  });
  if (!res) throw new Error('insufficient funds in test setup');
  return orderId;
}

/**
 * A charged order placed at the sandbox through the real client, then recorded as the forwarder
 * records a definite success: provider order id, `processing`, submitted now.
 */
export async function placeOrder(
  sql: SqlLike,
  p: TestProvider,
  userId: string,
  opts: { link: string; quantity: number; price: string },
): Promise<PlacedOrder> {
  const orderId = await chargeOrder(sql, p, userId, opts);
  const { providerOrderId } = await p.client.add({ service: '1', link: opts.link, quantity: opts.quantity });
  await sql`update orders set provider_order_id = ${providerOrderId}, status = 'processing',
                              submitted_at = now(), submit_attempts = 1
            where id = ${orderId}`;
  return { orderId, providerOrderId, price: roundMoney(opts.price), quantity: opts.quantity };
}

export async function orderRow(sql: SqlLike, orderId: string) {
  const [row] = await sql<
    {
      status: string;
      providerStatus: string | null;
      remains: string | null;
      startCount: string | null;
      providerCharge: string | null;
      providerCurrency: string | null;
      lastError: string | null;
      nextCheckInS: number | null;
      checked: boolean;
      completed: boolean;
      unchangedChecks: number;
      forwardRound: number;
    }[]
  >`select status, provider_status as "providerStatus", remains::text, start_count::text as "startCount",
           provider_charge::text as "providerCharge", provider_currency as "providerCurrency",
           last_error as "lastError",
           extract(epoch from next_status_check - now())::float8 as "nextCheckInS",
           last_status_check is not null as checked, completed_at is not null as completed,
           unchanged_checks as "unchangedChecks", forward_round as "forwardRound"
    from orders where id = ${orderId}`;
  if (!row) throw new Error(`no order ${orderId}`);
  return row;
}

export async function refundsOf(sql: SqlLike, orderId: string) {
  return sql<{ amount: string }[]>`
    select amount::text from ledger where order_id = ${orderId} and kind = 'refund'`;
}

export async function activityOf(sql: SqlLike, orderId: string) {
  return sql<{ action: string; message: string | null; providerResponse: unknown }[]>`
    select action, message, provider_response as "providerResponse"
    from activity_log where order_id = ${orderId} order by created_at, id`;
}
