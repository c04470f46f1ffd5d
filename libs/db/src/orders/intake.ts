import { newId } from '@smm/domain';
import type { SqlLike } from '../sql-like.ts';
import { ACTIVITY } from './activity.ts';

export interface ChargedOrderLine {
  orderId: string;
  serviceId: string;
  categoryId: string;
  providerId: string | null;
  link: string;
  quantity: number;
  /** The service type the line was checked and priced as (default: the service's type now). */
  serviceType?: string;
  /** What the order delivers in total, quantity × runs (default: computed so). */
  units?: number;
  runs?: number | null;
  interval?: number | null;
  comments?: string | null;
  price: string;
  bdtPrice: string;
  usdPrice: string;
}

export interface ChargeOrdersInput {
  userId: string;
  /** The currency the lines are priced in: the debit refuses if the user's currency is another. */
  currency: 'BDT' | 'USD';
  /**
   * The BDT-per-USD rate the lines were priced with, when the caller priced from a cached copy of the
   * user: the debit refuses if the user's rate changed since, so a stale price is never charged.
   */
  dollarRate?: string;
  /** Σ line prices, computed by the caller with exact decimals. */
  total: string;
  lines: ChargedOrderLine[];
  isManual?: boolean;
  adminNotes?: string | null;
  idempotencyKey?: string | null;
  /** Who placed it: the customer, or the admin for manual orders. */
  actorId: string;
  activityAction?: typeof ACTIVITY.orderCreated | typeof ACTIVITY.orderCreatedManual;
  activityMessage?: string;
  /**
   * The caller's deadline (ISO time): a debit that would run after it writes nothing. A request that
   * already answered "try again" (503) can then never be charged when the database comes back.
   */
  notAfter?: string;
}

/** The debit ran after the caller's deadline: nothing was written. */
export class ChargeTooLateError extends Error {
  constructor() {
    super('the database answered after the request deadline; nothing was charged');
    this.name = 'ChargeTooLateError';
  }
}

export interface ChargeOrdersResult {
  balanceAfter: string;
  /** Each created order's public number, by order id. */
  numbers: Record<string, number>;
}

/**
 * architecture.md#money charge: one atomic debit of the total (`balance >= total` guard), the order rows, one ledger
 * row per order with a running balanceAfter, and one activity row per order — in one statement, so
 * it commits all together or not at all. Returns null, with nothing written, on insufficient funds
 * or when the user's currency or dollar rate is no longer the one the lines were priced with; throws
 * ChargeTooLateError, with nothing written, when it ran after `notAfter`.
 */
export async function chargeAndCreateOrders(
  sql: SqlLike,
  input: ChargeOrdersInput,
): Promise<ChargeOrdersResult | null> {
  if (input.lines.length === 0) throw new RangeError('no order lines');
  // One JSON parameter instead of 15 arrays: one bind, and nulls survive as nulls.
  const payload = input.lines.map((l, i) => ({
    ord: i,
    id: l.orderId,
    service_id: l.serviceId,
    category_id: l.categoryId,
    provider_id: l.providerId,
    link: l.link,
    quantity: l.quantity,
    service_type: l.serviceType ?? null,
    units: l.units ?? null,
    runs: l.runs ?? null,
    interval: l.interval ?? null,
    comments: l.comments ?? null,
    price: l.price,
    bdt_price: l.bdtPrice,
    usd_price: l.usdPrice,
    ledger_id: newId('ledger'),
    activity_id: newId('activity'),
  }));
  const rows = await sql<
    { balance: string | null; inTime: boolean; numbers: Record<string, number> | null }[]
  >`
    with d as (
      update users set balance = balance - ${input.total}::numeric
      where id = ${input.userId} and status = 'active' and balance >= ${input.total}::numeric
        and currency = ${input.currency}
        ${input.dollarRate === undefined ? sql`` : sql`and dollar_rate = ${input.dollarRate}::numeric`}
        ${input.notAfter === undefined ? sql`` : sql`and clock_timestamp() <= ${input.notAfter}::timestamptz`}
      returning balance
    ),
    lines as (
      select * from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(
        ord int, id text, service_id text, category_id text, provider_id text, link text, quantity int,
        service_type text, units bigint, runs int, "interval" int, comments text, price numeric,
        bdt_price numeric, usd_price numeric, ledger_id text, activity_id text)
    ),
    o as (
      insert into orders (id, user_id, service_id, category_id, provider_id, link, quantity, service_type, units,
                          runs, "interval", comments, price, currency, bdt_price, usd_price, is_manual,
                          admin_notes, idempotency_key)
      select lines.id, ${input.userId}, lines.service_id, lines.category_id, lines.provider_id, lines.link,
             lines.quantity, coalesce(lines.service_type, s.type),
             coalesce(lines.units, lines.quantity::bigint * coalesce(lines.runs, 1)), lines.runs,
             lines."interval", lines.comments, lines.price, ${input.currency}, lines.bdt_price, lines.usd_price,
             ${input.isManual ?? false}, ${input.adminNotes ?? null}, ${input.idempotencyKey ?? null}
      from lines join services s on s.id = lines.service_id, d
      -- Numbers are handed out as rows are inserted: in line order, so a mass order's lines read #n, #n+1, …
      order by lines.ord
      returning id, number
    ),
    l as (
      insert into ledger (id, user_id, order_id, kind, amount, balance_after, currency, note, actor_id)
      select ledger_id, ${input.userId}, lines.id, 'charge', -price,
             d.balance + coalesce(sum(price) over (order by ord rows between 1 following and unbounded following), 0),
             ${input.currency}, 'order charge', ${input.actorId}
      from lines, d
    ),
    a as (
      insert into activity_log (id, actor_id, order_id, provider_id, user_id, action, message)
      select activity_id, ${input.actorId}, lines.id, provider_id, ${input.userId},
             ${input.activityAction ?? ACTIVITY.orderCreated}, ${input.activityMessage ?? null}
      from lines, d
    )
    select (select balance::text from d) as balance, (select json_object_agg(id, number) from o) as numbers,
           ${input.notAfter === undefined ? sql`true` : sql`clock_timestamp() <= ${input.notAfter}::timestamptz`} as "inTime"`;
  const row = rows[0];
  if (row?.balance) return { balanceAfter: row.balance, numbers: row.numbers ?? {} };
  if (row && !row.inTime) throw new ChargeTooLateError();
  return null;
}
