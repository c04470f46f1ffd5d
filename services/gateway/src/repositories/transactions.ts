import { type Db, deposits, ledger, orders } from '@smm/db';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { beforeCursor, type Cursor, isoText } from './columns.ts';

export type LedgerKind = 'charge' | 'refund' | 'adjustment' | 'deposit';

/** One ledger row as its owner reads it: what moved, the balance after, and what it belongs to. */
export interface TransactionRow {
  id: string;
  kind: LedgerKind;
  amount: string;
  balanceAfter: string;
  currency: 'BDT' | 'USD';
  note: string | null;
  createdAt: string;
  orderId: string | null;
  orderNumber: number | null;
  depositId: string | null;
  depositTransactionId: string | null;
}

export interface TransactionFilter {
  userId: string;
  kind?: LedgerKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after: Cursor | null;
  limit: number;
  /**
   * Customers read the notes an admin wrote for them (deposits, adjustments); a charge's or refund's
   * note can quote an upstream provider's words, which are not theirs to see, so it is left out.
   */
  audience: 'customer' | 'admin';
}

export function transactionsRepository(db: Db) {
  return {
    /** Newest first, on the (user_id, created_at) index. */
    async list(f: TransactionFilter): Promise<TransactionRow[]> {
      return db
        .select({
          id: ledger.id,
          kind: ledger.kind,
          amount: ledger.amount,
          balanceAfter: ledger.balanceAfter,
          currency: ledger.currency,
          note:
            f.audience === 'admin'
              ? ledger.note
              : sql<
                  string | null
                >`case when ${ledger.kind} in ('deposit', 'adjustment') then ${ledger.note} end`,
          createdAt: isoText(ledger.createdAt),
          orderId: ledger.orderId,
          orderNumber: sql<number | null>`${orders.number}::int`,
          depositId: ledger.depositId,
          depositTransactionId: deposits.transactionId,
        })
        .from(ledger)
        .leftJoin(orders, eq(orders.id, ledger.orderId))
        .leftJoin(deposits, eq(deposits.id, ledger.depositId))
        .where(
          and(
            eq(ledger.userId, f.userId),
            f.kind ? eq(ledger.kind, f.kind) : undefined,
            // As text: a JS Date would drop the microseconds the cursor and the bounds keep.
            f.from ? gte(ledger.createdAt, sql`${f.from}::timestamptz`) : undefined,
            f.to ? lt(ledger.createdAt, sql`${f.to}::timestamptz`) : undefined,
            beforeCursor(ledger.createdAt, ledger.id, f.after),
          ),
        )
        .orderBy(desc(ledger.createdAt), desc(ledger.id))
        .limit(f.limit);
    },
  };
}

export type TransactionsRepository = ReturnType<typeof transactionsRepository>;
