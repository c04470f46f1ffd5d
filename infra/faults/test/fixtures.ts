import { newId } from '@smm/domain';
import type postgres from 'postgres';

export interface Shop {
  providerId: string;
  categoryId: string;
  serviceId: string;
}

/** A provider row, a category and one auto service priced 1 USD per 1000 (provider service number `psid`). */
export async function insertShop(
  sql: postgres.Sql,
  provider: { apiUrl: string; apiKeyEnc: string; maxConcurrency?: number },
  psid = '1',
): Promise<Shop> {
  const s: Shop = {
    providerId: newId('provider'),
    categoryId: newId('category'),
    serviceId: newId('service'),
  };
  await sql`insert into api_providers (id, name, api_url, api_key_enc, max_concurrency)
            values (${s.providerId}, ${`P ${s.providerId.slice(-6)}`}, ${provider.apiUrl}, ${provider.apiKeyEnc},
                    ${provider.maxConcurrency ?? 50})`;
  await sql`insert into categories (id, name) values (${s.categoryId}, ${`C ${s.categoryId}`})`;
  await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate_usd, min_order, max_order)
            values (${s.serviceId}, 'Followers', ${s.categoryId}, ${s.providerId}, ${psid}, '1', 10, 100000)`;
  return s;
}

/** A USD customer funded through a deposit ledger row (balance = Σ ledger from the start). */
export async function insertCustomer(sql: postgres.Sql, balance: string): Promise<string> {
  const id = newId('user');
  await sql`insert into users (id, email, name, password_hash, currency) values (${id}, ${`${id}@example.com`}, 'C', 'x', 'USD')`;
  await sql`with u as (update users set balance = ${balance}::numeric where id = ${id} returning balance)
            insert into ledger (id, user_id, kind, amount, balance_after, currency, note)
            select ${newId('ledger')}, ${id}, 'deposit', ${balance}::numeric, u.balance, 'USD', 'seed' from u`;
  return id;
}

export async function ledgerHolds(sql: postgres.Sql, userId: string): Promise<boolean> {
  const [r] = await sql<{ ok: boolean }[]>`
    select (select balance from users where id = ${userId}) =
           (select coalesce(sum(amount), 0) from ledger where user_id = ${userId}) as ok`;
  return r!.ok;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
