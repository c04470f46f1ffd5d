import { resolveSecretsKey } from '@smm/config';
import { chargeAndCreateOrders, createSecretBox, ensureDatabase, runMigrations } from '@smm/db';
import { dec, newId, roundMoney } from '@smm/domain';
import postgres from 'postgres';

// The fixed development key: the forwarder process (NODE_ENV=development, no SECRETS_KEY) uses it too.
const DEV_KEY = resolveSecretsKey({ NODE_ENV: 'development' }, 'bench');

/** Drops and recreates the bench database, migrated: every run starts from nothing. */
export async function freshDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^smm_bench_/.test(name))
    throw new Error(`refusing to drop ${name}: bench databases are named smm_bench_*`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 2 });
  }
  await ensureDatabase(url);
  await runMigrations(url);
}

export interface BenchCatalog {
  userId: string;
  categoryId: string;
  /** The first provider and its service (pgbench's statements use these). */
  serviceId: string;
  providerId: string;
  /** Every provider row with its service; orders are spread over them in turn. */
  lines: { providerId: string; serviceId: string }[];
}

/**
 * The bench's catalog: `providers` provider rows, all the same sandbox, each with one service. A
 * forwarder lets one provider hold only its share of the worker pool (half by default, so a hung
 * provider cannot take every worker), so a pool of 50 is filled by orders of two providers.
 */
export async function seedCatalog(
  sql: postgres.Sql,
  provider: { apiUrl: string; apiKey: string },
  providers = 2,
): Promise<BenchCatalog> {
  const categoryId = newId('category');
  const userId = newId('user');
  const key = createSecretBox(DEV_KEY).encrypt(provider.apiKey);
  await sql`insert into categories (id, name) values (${categoryId}, 'Bench')`;
  const lines: BenchCatalog['lines'] = [];
  for (let i = 1; i <= providers; i++) {
    const providerId = newId('provider');
    const serviceId = newId('service');
    await sql`insert into api_providers (id, name, api_url, api_key_enc, max_concurrency)
              values (${providerId}, ${`Sandbox ${i}`}, ${provider.apiUrl}, ${key}, 1000)`;
    await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd, min_order, max_order)
              values (${serviceId}, ${`Bench followers ${i}`}, ${categoryId}, ${providerId}, '1', '25', '0.2', 50, 10000)`;
    lines.push({ providerId, serviceId });
  }
  await sql`insert into users (id, email, name, password_hash, balance, currency)
            values (${userId}, ${`${userId}@bench.example`}, 'Bench', 'x', 0, 'BDT')`;
  await sql`with u as (update users set balance = 100000000 where id = ${userId} returning balance)
            insert into ledger (id, user_id, kind, amount, balance_after, currency, note)
            select ${newId('ledger')}, ${userId}, 'deposit', 100000000, u.balance, 'BDT', 'bench' from u`;
  return { userId, categoryId, ...lines[0]!, lines };
}

/** Charged, pending orders (as the gateway creates them), 1,000 per charge statement. */
export async function seedOrders(sql: postgres.Sql, c: BenchCatalog, count: number, label: string) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1000) {
    const lines = Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
      orderId: newId('order'),
      ...c.lines[(i + j) % c.lines.length]!,
      categoryId: c.categoryId,
      link: `https://instagram.com/${label}-${i + j}`,
      quantity: 100,
      price: '2.500000',
      bdtPrice: '2.500000',
      usdPrice: '0.020000',
    }));
    const total = roundMoney(dec('2.5').times(lines.length));
    const res = await chargeAndCreateOrders(sql, {
      userId: c.userId,
      currency: 'BDT',
      total,
      lines,
      actorId: c.userId,
    });
    if (!res) throw new Error('bench user ran out of funds');
    ids.push(...lines.map((l) => l.orderId));
  }
  return ids;
}
