import { type Db, deposits, paymentMethods, users } from '@smm/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeCursor, type Cursor, isoText, isoTextOrNull } from './columns.ts';

export type DepositStatus = 'pending' | 'approved' | 'rejected';

export interface DepositRow {
  id: string;
  methodId: string;
  methodName: string;
  methodKind: 'mobile_wallet' | 'bank' | 'other';
  amount: string;
  currency: 'BDT' | 'USD';
  transactionId: string;
  senderNumber: string | null;
  note: string | null;
  status: DepositStatus;
  approvedAmount: string | null;
  feeAmount: string | null;
  creditedAmount: string | null;
  creditedCurrency: 'BDT' | 'USD';
  rejectReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface AdminDepositRow extends DepositRow {
  userId: string;
  userEmail: string;
  userName: string;
  decidedBy: string | null;
}

export interface DepositFilter {
  userId?: string | undefined;
  status?: DepositStatus | undefined;
  /** The wallet's reference, compared case-insensitively and whole (as the unique index does). */
  transactionId?: string | undefined;
  after: Cursor | null;
  limit: number;
}

export function depositsRepository(db: Db) {
  const columns = {
    id: deposits.id,
    methodId: deposits.methodId,
    methodName: paymentMethods.name,
    methodKind: paymentMethods.kind,
    amount: deposits.amount,
    currency: deposits.currency,
    transactionId: deposits.transactionId,
    senderNumber: deposits.senderNumber,
    note: deposits.note,
    status: deposits.status,
    approvedAmount: deposits.approvedAmount,
    feeAmount: deposits.feeAmount,
    creditedAmount: deposits.creditedAmount,
    // Until approval, what the balance would be credited in: the user's currency now.
    creditedCurrency: sql<'BDT' | 'USD'>`coalesce(${deposits.creditedCurrency}, ${users.currency})`,
    rejectReason: deposits.rejectReason,
    createdAt: isoText(deposits.createdAt),
    decidedAt: isoTextOrNull(deposits.decidedAt),
  };
  const adminColumns = {
    ...columns,
    userId: deposits.userId,
    userEmail: users.email,
    userName: users.name,
    decidedBy: deposits.decidedBy,
  };
  const customerQuery = () =>
    db
      .select(columns)
      .from(deposits)
      .innerJoin(paymentMethods, eq(paymentMethods.id, deposits.methodId))
      .innerJoin(users, eq(users.id, deposits.userId));
  const adminQuery = () =>
    db
      .select(adminColumns)
      .from(deposits)
      .innerJoin(paymentMethods, eq(paymentMethods.id, deposits.methodId))
      .innerJoin(users, eq(users.id, deposits.userId));
  const where = (f: Omit<DepositFilter, 'after' | 'limit'> & { after?: Cursor | null; id?: string }) =>
    and(
      f.id ? eq(deposits.id, f.id) : undefined,
      f.userId ? eq(deposits.userId, f.userId) : undefined,
      f.status ? eq(deposits.status, f.status) : undefined,
      f.transactionId ? sql`upper(${deposits.transactionId}) = upper(${f.transactionId})` : undefined,
      beforeCursor(deposits.createdAt, deposits.id, f.after),
    );
  const newest = [desc(deposits.createdAt), desc(deposits.id)];

  return {
    async customerList(f: DepositFilter & { userId: string }): Promise<DepositRow[]> {
      return customerQuery()
        .where(where(f))
        .orderBy(...newest)
        .limit(f.limit);
    },

    async customerFind(userId: string, id: string): Promise<DepositRow | null> {
      const [row] = await customerQuery().where(where({ userId, id }));
      return row ?? null;
    },

    async adminList(f: DepositFilter): Promise<AdminDepositRow[]> {
      return adminQuery()
        .where(where(f))
        .orderBy(...newest)
        .limit(f.limit);
    },

    async adminFind(id: string): Promise<AdminDepositRow | null> {
      const [row] = await adminQuery().where(where({ id }));
      return row ?? null;
    },
  };
}

export type DepositsRepository = ReturnType<typeof depositsRepository>;
