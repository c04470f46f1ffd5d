import { resolveSecretsKey } from '@smm/config';
import { chargeAndCreateOrders, createSecretBox, type DbClient } from '@smm/db';
import { dec, newId, roundMoney } from '@smm/domain';
import type { RunningSandbox } from '@smm/sandbox-provider';

type Sql = DbClient['sql'];

/** The key every process of a test run agrees on: the fixed development key (NODE_ENV=test). */
export const secretBox = createSecretBox(resolveSecretsKey({ NODE_ENV: 'test' }, 'test'));

export interface Catalog {
  categoryId: string;
  serviceId: string;
  providerId: string;
}

export interface CatalogOptions {
  maxConcurrency?: number;
  mode?: 'auto' | 'manual';
  /** The sandbox's service number (service 1: min 50, max 10,000). */
  providerServiceId?: string;
  /** Our own minimum: lower than the provider's so a hard rejection can be provoked. */
  minOrder?: number;
}

/** A category, a provider pointing at the sandbox (its key encrypted as the gateway would) and a service. */
export async function insertCatalog(
  sql: Sql,
  sandbox: Pick<RunningSandbox, 'apiUrl' | 'apiKey'>,
  opts: CatalogOptions = {},
): Promise<Catalog> {
  const categoryId = newId('category');
  const serviceId = newId('service');
  const providerId = newId('provider');
  await sql`insert into categories (id, name) values (${categoryId}, 'Followers')`;
  await sql`insert into api_providers (id, name, api_url, api_key_enc, max_concurrency)
            values (${providerId}, 'Sandbox', ${sandbox.apiUrl}, ${secretBox.encrypt(sandbox.apiKey)},
                    ${opts.maxConcurrency ?? 50})`;
  await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd,
                                  min_order, max_order, mode)
            values (${serviceId}, 'IG followers', ${categoryId}, ${providerId}, ${opts.providerServiceId ?? '1'},
                    '25', '0.2', ${opts.minOrder ?? 10}, 100000, ${opts.mode ?? 'auto'})`;
  return { categoryId, serviceId, providerId };
}

/** A user whose funds arrived as a ledger deposit, so balance = Σ ledger from the start. */
export async function insertUser(sql: Sql, balance: string): Promise<string> {
  const id = newId('user');
  await sql`insert into users (id, email, name, password_hash, balance, currency)
            values (${id}, ${`${id}@example.com`}, 'Customer', 'x', 0, 'BDT')`;
  await sql`with u as (update users set balance = ${balance}::numeric where id = ${id} returning balance)
            insert into ledger (id, user_id, kind, amount, balance_after, currency, note)
            select ${newId('ledger')}, ${id}, 'deposit', ${balance}::numeric, u.balance, 'BDT', 'seed' from u`;
  return id;
}

export interface NewOrder {
  orderId: string;
  link: string;
  price: string;
}

/** Charged, pending orders (one atomic charge), priced 25 BDT per 1000. */
export async function createOrders(
  sql: Sql,
  catalog: Catalog,
  userId: string,
  links: string[],
  quantity = 100,
): Promise<NewOrder[]> {
  const price = roundMoney(dec('25').times(quantity).div(1000));
  const lines = links.map((link) => ({
    orderId: newId('order'),
    serviceId: catalog.serviceId,
    categoryId: catalog.categoryId,
    providerId: catalog.providerId,
    link,
    quantity,
    price,
    bdtPrice: price,
    usdPrice: roundMoney(dec('0.2').times(quantity).div(1000)),
  }));
  const total = roundMoney(dec(price).times(lines.length));
  const res = await chargeAndCreateOrders(sql, { userId, currency: 'BDT', total, lines, actorId: userId });
  if (!res) throw new Error('insufficient funds in fixture');
  return lines.map((l) => ({ orderId: l.orderId, link: l.link, price }));
}

export async function orderRow(sql: Sql, orderId: string) {
  const [row] = await sql<
    {
      status: string;
      providerOrderId: string | null;
      submitAttempts: number;
      forwardRound: number;
      lastError: string | null;
      providerId: string | null;
    }[]
  >`select status, provider_order_id as "providerOrderId", submit_attempts as "submitAttempts",
           forward_round as "forwardRound", last_error as "lastError", provider_id as "providerId"
    from orders where id = ${orderId}`;
  if (!row) throw new Error(`no order ${orderId}`);
  return row;
}

export async function statusCounts(sql: Sql, orderIds: string[]): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; n: number }[]>`
    select status, count(*)::int as n from orders where id = any(${orderIds}) group by status`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export function uniqueLink(label: string): string {
  return `https://instagram.com/${label}-${newId('order').slice(-10)}`;
}
