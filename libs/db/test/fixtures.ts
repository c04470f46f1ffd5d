import { newId } from '@smm/domain';
import type { SqlLike } from '../src/index.ts';

export async function insertUser(
  sql: SqlLike,
  balance: string,
  currency: 'BDT' | 'USD' = 'BDT',
): Promise<string> {
  const id = newId('user');
  await sql`insert into users (id, email, name, password_hash, balance, currency)
            values (${id}, ${`${id}@example.com`}, 'Test', 'x', 0, ${currency})`;
  if (balance !== '0') {
    // Funds arrive as a deposit so the ledger invariant holds from the start.
    await sql`with u as (update users set balance = ${balance}::numeric where id = ${id} returning balance)
              insert into ledger (id, user_id, kind, amount, balance_after, currency, note)
              select ${newId('ledger')}, ${id}, 'deposit', ${balance}::numeric, u.balance, ${currency}, 'seed' from u`;
  }
  return id;
}

export async function insertCatalog(
  sql: SqlLike,
): Promise<{ categoryId: string; serviceId: string; providerId: string }> {
  const categoryId = newId('category');
  const serviceId = newId('service');
  const providerId = newId('provider');
  await sql`insert into categories (id, name) values (${categoryId}, 'Followers')`;
  await sql`insert into api_providers (id, name, api_url, api_key_enc) values (${providerId}, 'P', 'https://p.example', 'x')`;
  await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd, min_order, max_order)
            values (${serviceId}, 'IG followers', ${categoryId}, ${providerId}, '1', '100', '0.9', 10, 100000)`;
  return { categoryId, serviceId, providerId };
}
