import type postgres from 'postgres';

/** One period's business figures, all in USD (each order carries its own USD price from intake). */
export interface PeriodFigures {
  orders: number;
  /** What customers paid, less what was refunded: Σ usdPrice × (price − refunded) / price. */
  revenueUSD: string;
  /** What providers charged for those orders (their `charge`, at the provider's rate to USD). */
  providerCostUSD: string;
  /** revenue − cost over the orders whose provider charge is known. */
  profitUSD: string;
  /** Orders with no provider charge yet (pending, manual, or the provider sent none): left out of the profit. */
  ordersWithoutCost: number;
}

export interface ProviderBalance {
  id: string;
  name: string;
  status: string;
  balance: string | null;
  currency: string | null;
  balanceAt: string | null;
  balanceUSD: string | null;
}

/**
 * The admin dashboard's reads. Raw SQL: one statement per figure set, grouped by period with
 * FILTER, so the page costs two round trips however many orders there are.
 */
export function dashboardRepository(sql: postgres.Sql) {
  return {
    /** Today and the last 7 days (today included), as days begin in `timeZone`. */
    async periods(timeZone: string): Promise<{ today: PeriodFigures; last7Days: PeriodFigures }> {
      const rows = await sql<(PeriodFigures & { period: 'today' | 'last7Days' })[]>`
        with bounds as (
          select (date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone}) as today
        ),
        o as (
          select o.created_at, o.usd_price, o.price, o.provider_charge, p.rate_to_usd,
                 coalesce((select sum(l.amount) from ledger l where l.order_id = o.id and l.kind = 'refund'), 0) as refunded
          from orders o left join api_providers p on p.id = o.provider_id, bounds
          where o.created_at >= bounds.today - interval '6 days'
        ),
        figures as (
          select o.created_at,
                 case when o.price = 0 then 0 else o.usd_price * (o.price - o.refunded) / o.price end as revenue,
                 o.provider_charge * coalesce(o.rate_to_usd, 1) as cost
          from o
        )
        select period,
               count(*)::int as orders,
               round(coalesce(sum(revenue), 0), 6)::text as "revenueUSD",
               round(coalesce(sum(cost), 0), 6)::text as "providerCostUSD",
               round(coalesce(sum(revenue - cost) filter (where cost is not null), 0), 6)::text as "profitUSD",
               (count(*) filter (where cost is null))::int as "ordersWithoutCost"
        from figures, bounds,
             lateral (values ('last7Days'), (case when figures.created_at >= bounds.today then 'today' end)) as p(period)
        where period is not null
        group by period`;
      const empty: PeriodFigures = {
        orders: 0,
        revenueUSD: '0.000000',
        providerCostUSD: '0.000000',
        profitUSD: '0.000000',
        ordersWithoutCost: 0,
      };
      const of = (p: 'today' | 'last7Days') => {
        const r = rows.find((x) => x.period === p);
        if (!r) return empty;
        const { period: _p, ...figures } = r;
        return figures;
      };
      return { today: of('today'), last7Days: of('last7Days') };
    },

    async needsReview(): Promise<number> {
      const [r] = await sql<
        { n: number }[]
      >`select count(*)::int as n from orders where status = 'needs_review'`;
      return r!.n;
    },

    async pendingDeposits(): Promise<number> {
      const [r] = await sql<
        { n: number }[]
      >`select count(*)::int as n from deposits where status = 'pending'`;
      return r!.n;
    },

    /** Every provider's last known balance (from its last check), in its currency and in USD. */
    async providerBalances(): Promise<ProviderBalance[]> {
      return sql<ProviderBalance[]>`
        select id, name, status, last_balance::text as balance, last_balance_currency as currency,
               to_char(last_balance_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "balanceAt",
               -- In USD when it is USD or the admin set the provider's rate; unknown otherwise.
               round(case when rate_to_usd is not null then last_balance * rate_to_usd
                          when upper(coalesce(last_balance_currency, 'USD')) = 'USD' then last_balance end, 6)::text
                 as "balanceUSD"
        from api_providers
        order by name, id`;
    },
  };
}

export type DashboardRepository = ReturnType<typeof dashboardRepository>;
