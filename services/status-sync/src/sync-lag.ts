import type postgres from 'postgres';

/**
 * Age in seconds of the oldest due status check (0 when nothing is due). One index probe per
 * provider on orders_sync_due_idx (provider_id, next_status_check), so a scrape stays cheap with
 * millions of orders.
 */
export async function syncLagSeconds(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ lag: number | null }[]>`
    select extract(epoch from now() - min(due))::float8 as lag
    from (
      select (select min(o.next_status_check) from orders o
              where o.provider_id = p.id and o.status in ('processing', 'in_progress')) as due
      from api_providers p
    ) d
    where due <= now()`;
  return Math.max(0, row?.lag ?? 0);
}
