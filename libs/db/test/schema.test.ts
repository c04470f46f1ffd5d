import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { insertCatalog, insertUser } from './fixtures.ts';

const t = await useTestDatabase();
const { sql } = t;

describe('migrated schema', () => {
  it('has every table of architecture.md#data-model', async () => {
    const rows = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'activity_log',
        'api_providers',
        'categories',
        'idempotency_keys',
        'ledger',
        'orders',
        'refills',
        'services',
        'users',
      ]),
    );
  });

  it('has the seed indexes and the sync partial index', async () => {
    const rows = await sql<{ indexname: string; indexdef: string }[]>`
      select indexname, indexdef from pg_indexes where tablename = 'orders'`;
    const names = rows.map((r) => r.indexname);
    for (const i of [
      'orders_status_idx',
      'orders_provider_order_id_idx',
      'orders_provider_id_idx',
      'orders_last_status_check_idx',
      'orders_user_created_idx',
      'orders_sync_due_idx',
    ]) {
      expect(names).toContain(i);
    }
    expect(rows.find((r) => r.indexname === 'orders_sync_due_idx')!.indexdef).toMatch(/WHERE/);
  });

  it('refuses a negative balance', async () => {
    const u = await insertUser(sql, '0');
    await expect(sql`update users set balance = -1 where id = ${u}`).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses a second charge or refund row for one order', async () => {
    const u = await insertUser(sql, '0');
    const c = await insertCatalog(sql);
    const o = newId('order');
    await sql`insert into orders (id, user_id, service_id, category_id, link, quantity, service_type, units, price,
                                  currency, bdt_price, usd_price)
              values (${o}, ${u}, ${c.serviceId}, ${c.categoryId}, 'https://x.com', 100, 'Default', 100, 1, 'BDT', 1, 0.01)`;
    const row = (kind: string, amount: string) =>
      sql`insert into ledger (id, user_id, order_id, kind, amount, balance_after, currency)
          values (${newId('ledger')}, ${u}, ${o}, ${kind}, ${amount}, 0, 'BDT')`;
    await row('charge', '-1');
    await expect(row('charge', '-1')).rejects.toMatchObject({ code: '23505' });
    await row('refund', '1');
    await expect(row('refund', '1')).rejects.toMatchObject({ code: '23505' });
    // Adjustments are not limited per order.
    await row('adjustment', '1');
    await row('adjustment', '1');
  });

  it('stores money exactly as numeric(20,6) strings', async () => {
    const u = await insertUser(sql, '12345678901234.123456');
    const [r] = await sql<{ balance: string }[]>`select balance from users where id = ${u}`;
    expect(r!.balance).toBe('12345678901234.123456');
  });
});
