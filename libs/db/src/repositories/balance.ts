import { newId } from '@smm/domain';
import type postgres from 'postgres';
import { recordActivity, requestAction } from '../orders/activity.ts';
import type { SqlLike } from '../sql-like.ts';

export interface RefundInput {
  orderId: string;
  /** Positive decimal string. Zero amounts are recorded too, so "refunded once" stays true. */
  amount: string;
  note: string;
  actorId?: string | null;
}

export interface RefundResult {
  /** false when this order already had its refund: nothing moved. */
  applied: boolean;
  balanceAfter: string | null;
}

/**
 * architecture.md#money idempotent refund: the ledger row goes in first (ON CONFLICT DO NOTHING on the one-refund-per-order
 * index) and the balance moves only when that row was inserted — all in one statement, with the user
 * row locked so balanceAfter is exact under concurrency.
 */
export async function refundOrder(sql: SqlLike, input: RefundInput): Promise<RefundResult> {
  const rows = await sql<{ balance: string }[]>`
    with o as (
      select user_id, currency from orders where id = ${input.orderId}
    ),
    u as (
      select users.id, users.balance from users join o on o.user_id = users.id for update of users
    ),
    ins as (
      insert into ledger (id, user_id, order_id, kind, amount, balance_after, currency, note, actor_id)
      select ${newId('ledger')}, u.id, ${input.orderId}, 'refund', ${input.amount}::numeric,
             u.balance + ${input.amount}::numeric, o.currency, ${input.note}, ${input.actorId ?? null}
      from u, o
      on conflict (order_id, kind) where kind in ('charge', 'refund') do nothing
      returning user_id, balance_after
    )
    update users set balance = ins.balance_after
    from ins where users.id = ins.user_id
    returning users.balance`;
  const row = rows[0];
  return row ? { applied: true, balanceAfter: row.balance } : { applied: false, balanceAfter: null };
}

/** Sum of refunds already given for an order ("price − already refunded" on cancel). */
export async function refundedAmount(sql: SqlLike, orderId: string): Promise<string> {
  const [row] = await sql<{ total: string }[]>`
    select coalesce(sum(amount), 0)::numeric(20,6)::text as total
    from ledger where order_id = ${orderId} and kind = 'refund'`;
  return row!.total;
}

export interface AdjustInput {
  userId: string;
  /** Signed decimal string. */
  amount: string;
  kind: 'adjustment' | 'deposit';
  note: string;
  actorId?: string | null;
}

/** Admin adjustment or deposit: never takes a balance below zero (returns null instead). */
export async function adjustBalance(
  sql: SqlLike,
  input: AdjustInput,
): Promise<{ balanceAfter: string } | null> {
  const rows = await sql<{ balance: string }[]>`
    with u as (
      update users set balance = balance + ${input.amount}::numeric
      where id = ${input.userId} and balance + ${input.amount}::numeric >= 0
      returning id, balance, currency
    ),
    l as (
      insert into ledger (id, user_id, kind, amount, balance_after, currency, note, actor_id)
      select ${newId('ledger')}, u.id, ${input.kind}, ${input.amount}::numeric, u.balance, u.currency,
             ${input.note}, ${input.actorId ?? null}
      from u
    )
    select balance from u`;
  return rows[0] ? { balanceAfter: rows[0].balance } : null;
}

/**
 * An admin's adjustment or deposit with its activity row, in one transaction: the balance change,
 * its ledger row and the record of who did it land together or not at all.
 */
export async function adjustBalanceByAdmin(
  sql: postgres.Sql,
  input: AdjustInput & { actorId: string },
): Promise<{ balanceAfter: string; currency: 'BDT' | 'USD' } | 'no-user' | 'too-low'> {
  return sql.begin(async (tx) => {
    const [user] = await tx<
      { currency: 'BDT' | 'USD' }[]
    >`select currency from users where id = ${input.userId}`;
    if (!user) return 'no-user' as const;
    const done = await adjustBalance(tx, input);
    if (!done) return 'too-low' as const;
    await recordActivity(tx, {
      action: requestAction.balance(input.kind),
      actorId: input.actorId,
      userId: input.userId,
      message: `${input.amount} ${user.currency}: ${input.note}`,
    });
    return { balanceAfter: done.balanceAfter, currency: user.currency };
  }) as Promise<{ balanceAfter: string; currency: 'BDT' | 'USD' } | 'no-user' | 'too-low'>;
}

export interface LedgerCheck {
  balance: string;
  ledgerSum: string;
}

/** The invariant `balance = Σ ledger.amount`, for tests and health checks. */
export async function ledgerBalance(sql: SqlLike, userId: string): Promise<LedgerCheck> {
  const [row] = await sql<LedgerCheck[]>`
    select u.balance::text as balance,
           coalesce((select sum(amount) from ledger where user_id = u.id), 0)::numeric(20,6)::text as "ledgerSum"
    from users u where u.id = ${userId}`;
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}
