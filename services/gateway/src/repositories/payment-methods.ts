import { type Db, deposits, paymentMethods } from '@smm/db';
import { and, asc, eq, exists, isNull, sql } from 'drizzle-orm';
import { isoText } from './columns.ts';

export type PaymentMethodKind = 'mobile_wallet' | 'bank' | 'other';
export type Currency = 'BDT' | 'USD';

/** What a customer sees of a method: where to send money and within what limits. */
export interface CustomerPaymentMethod {
  id: string;
  name: string;
  kind: PaymentMethodKind;
  currency: Currency;
  account: string;
  instructions: string;
  minAmount: string;
  maxAmount: string;
  feePercent: string;
}

/** What an admin writes: the customer's view and whether (and where) the method is listed. */
export interface PaymentMethodFields extends Omit<CustomerPaymentMethod, 'id'> {
  active: boolean;
  sortOrder: number;
}

export interface AdminPaymentMethod
  extends CustomerPaymentMethod,
    Pick<PaymentMethodFields, 'active' | 'sortOrder'> {
  createdAt: string;
  updatedAt: string;
}

export function paymentMethodsRepository(db: Db) {
  const customerColumns = {
    id: paymentMethods.id,
    name: paymentMethods.name,
    kind: paymentMethods.kind,
    currency: paymentMethods.currency,
    account: paymentMethods.account,
    instructions: paymentMethods.instructions,
    minAmount: paymentMethods.minAmount,
    maxAmount: paymentMethods.maxAmount,
    feePercent: paymentMethods.feePercent,
  };
  const adminColumns = {
    ...customerColumns,
    active: paymentMethods.active,
    sortOrder: paymentMethods.sortOrder,
    createdAt: isoText(paymentMethods.createdAt),
    updatedAt: isoText(paymentMethods.updatedAt),
  };
  const order = [asc(paymentMethods.sortOrder), asc(paymentMethods.name), asc(paymentMethods.id)];
  const live = isNull(paymentMethods.deletedAt);

  return {
    /** Active methods, in the admin's order: what the funds page offers. */
    async listForCustomers(): Promise<CustomerPaymentMethod[]> {
      return db
        .select(customerColumns)
        .from(paymentMethods)
        .where(and(live, eq(paymentMethods.active, true)))
        .orderBy(...order);
    },

    /** An active method a customer may deposit through, or null. */
    async findUsable(id: string): Promise<CustomerPaymentMethod | null> {
      const [row] = await db
        .select(customerColumns)
        .from(paymentMethods)
        .where(and(eq(paymentMethods.id, id), live, eq(paymentMethods.active, true)));
      return row ?? null;
    },

    async list(): Promise<AdminPaymentMethod[]> {
      return db
        .select(adminColumns)
        .from(paymentMethods)
        .where(live)
        .orderBy(...order);
    },

    async find(id: string): Promise<AdminPaymentMethod | null> {
      const [row] = await db
        .select(adminColumns)
        .from(paymentMethods)
        .where(and(eq(paymentMethods.id, id), live));
      return row ?? null;
    },

    async insert(id: string, f: PaymentMethodFields): Promise<void> {
      await db.insert(paymentMethods).values({ id, ...f });
    },

    /**
     * False when there is no such (live) method, 'limits' when min would end above max. The limits
     * are judged in the UPDATE itself, on the row as it is then, so two edits that are each fine
     * alone (one raising min, one lowering max) cannot together break them.
     */
    async update(id: string, set: Partial<PaymentMethodFields>): Promise<boolean | 'limits'> {
      const min =
        set.minAmount !== undefined ? sql`${set.minAmount}::numeric` : sql`${paymentMethods.minAmount}`;
      const max =
        set.maxAmount !== undefined ? sql`${set.maxAmount}::numeric` : sql`${paymentMethods.maxAmount}`;
      const rows = await db
        .update(paymentMethods)
        .set({ ...set, updatedAt: sql`now()` })
        .where(and(eq(paymentMethods.id, id), live, sql`${min} <= ${max}`))
        .returning({ id: paymentMethods.id });
      if (rows.length > 0) return true;
      return (await this.find(id)) ? 'limits' : false;
    },

    /**
     * Archives the method: customers stop seeing it at once, and the deposits that name it keep
     * their history (and their claim on its transaction ids). Reports whether deposits still wait
     * on it, so the admin hears that those can still be decided. Null when there is no such method.
     */
    async archive(id: string): Promise<{ pendingDeposits: boolean } | null> {
      const rows = await db
        .update(paymentMethods)
        .set({ deletedAt: sql`now()`, active: false, updatedAt: sql`now()` })
        .where(and(eq(paymentMethods.id, id), live))
        .returning({
          pending: sql<boolean>`${exists(
            db
              .select({ one: sql`1` })
              .from(deposits)
              .where(and(eq(deposits.methodId, id), eq(deposits.status, 'pending'))),
          )}`,
        });
      return rows[0] ? { pendingDeposits: rows[0].pending } : null;
    },
  };
}

export type PaymentMethodsRepository = ReturnType<typeof paymentMethodsRepository>;
