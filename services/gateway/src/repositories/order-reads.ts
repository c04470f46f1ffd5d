import { apiProviders, type Db, ledger, orders, services, users } from '@smm/db';
import { type CustomerStatus, orderStatusesOf, parsePublicNumber } from '@smm/domain';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import { beforeCursor, type Cursor, isoText, isoTextOrNull, likeContains } from './columns.ts';

/** An order as its customer sees it. */
export interface CustomerOrderRow {
  id: string;
  /** The order number customers quote (#23501). */
  number: number;
  serviceId: string;
  categoryId: string;
  link: string;
  quantity: number;
  runs: number | null;
  interval: number | null;
  comments: string | null;
  cancelStatus: string | null;
  price: string;
  currency: 'BDT' | 'USD';
  status: string;
  providerStatus: string | null;
  startCount: number | null;
  remains: number | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface CustomerOrderFilter {
  userId: string;
  /** A customer's word: pending stands for pending, submitting and needs_review. */
  status?: CustomerStatus | undefined;
  /** An order number (exact) or a piece of the link. */
  search?: string | undefined;
  serviceId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after?: Cursor | null;
  limit: number;
}

export interface AdminOrderFilter {
  /** One order by its public number. */
  number?: number | undefined;
  providerId?: string | undefined;
  userId?: string | undefined;
  serviceId?: string | undefined;
  isManual?: boolean | undefined;
  link?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: string | undefined;
  reviewKind?: string | undefined;
  after?: Cursor | null;
  limit: number;
}

/** What a reseller's status call reports per order. */
export interface ResellerStatusRow {
  id: string;
  number: number;
  status: string;
  price: string;
  refunded: string;
  currency: string;
  startCount: string | null;
  remains: string | null;
  units: string;
}

export interface SyncLag {
  lag: number | null;
  due: number;
  live: number;
  lastCheck: string | null;
}

/** Σ refunds given for an order, exact. The outer id is spelled out: drizzle leaves a lone table's columns unqualified. */
const refundedOf = sql<string>`coalesce((select sum(l.amount) from ${ledger} l where l.order_id = "orders"."id" and l.kind = 'refund'), 0)::numeric(20,6)::text`;

const createdFrom = (from: string | undefined) =>
  from ? gte(orders.createdAt, sql`${from}::timestamptz`) : undefined;
const createdTo = (to: string | undefined) =>
  to ? lt(orders.createdAt, sql`${to}::timestamptz`) : undefined;

/** The gateway's reads of orders (every order write lives in @smm/db's orders module). */
export function orderReadsRepository(db: Db) {
  const customerColumns = {
    id: orders.id,
    number: orders.number,
    serviceId: orders.serviceId,
    categoryId: orders.categoryId,
    link: orders.link,
    quantity: orders.quantity,
    runs: orders.runs,
    interval: orders.interval,
    comments: orders.comments,
    cancelStatus: orders.cancelStatus,
    price: orders.price,
    currency: orders.currency,
    status: orders.status,
    providerStatus: orders.providerStatus,
    startCount: orders.startCount,
    remains: orders.remains,
    createdAt: isoText(orders.createdAt),
    updatedAt: isoText(orders.updatedAt),
    completedAt: isoTextOrNull(orders.completedAt),
  };

  const adminColumns = {
    id: orders.id,
    number: orders.number,
    userId: orders.userId,
    userEmail: users.email,
    serviceId: orders.serviceId,
    serviceName: services.name,
    serviceMode: services.mode,
    categoryId: orders.categoryId,
    providerId: orders.providerId,
    providerName: apiProviders.name,
    providerOrderId: orders.providerOrderId,
    link: orders.link,
    quantity: orders.quantity,
    serviceType: orders.serviceType,
    units: orders.units,
    price: orders.price,
    currency: orders.currency,
    bdtPrice: orders.bdtPrice,
    usdPrice: orders.usdPrice,
    refunded: refundedOf,
    providerCharge: orders.providerCharge,
    providerCurrency: orders.providerCurrency,
    status: orders.status,
    providerStatus: orders.providerStatus,
    startCount: orders.startCount,
    remains: orders.remains,
    isManual: orders.isManual,
    adminNotes: orders.adminNotes,
    lastError: orders.lastError,
    reviewKind: orders.reviewKind,
    sentServiceId: orders.sentServiceId,
    syncErrors: orders.syncErrors,
    softRejections: orders.softRejections,
    submitAttempts: orders.submitAttempts,
    forwardRound: orders.forwardRound,
    lastStatusCheck: isoTextOrNull(orders.lastStatusCheck),
    nextStatusCheck: isoTextOrNull(orders.nextStatusCheck),
    createdAt: isoText(orders.createdAt),
    updatedAt: isoText(orders.updatedAt),
    completedAt: isoTextOrNull(orders.completedAt),
  };
  const adminSelect = () =>
    db
      .select(adminColumns)
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .innerJoin(services, eq(services.id, orders.serviceId))
      .leftJoin(apiProviders, eq(apiProviders.id, orders.providerId));

  /** Everything but status and the page position: what the admin list's tab counts share. */
  const adminScope = (f: AdminOrderFilter) => [
    f.number === undefined ? undefined : eq(orders.number, f.number),
    f.providerId ? eq(orders.providerId, f.providerId) : undefined,
    f.userId ? eq(orders.userId, f.userId) : undefined,
    f.serviceId ? eq(orders.serviceId, f.serviceId) : undefined,
    f.isManual === undefined ? undefined : eq(orders.isManual, f.isManual),
    f.link ? ilike(orders.link, likeContains(f.link)) : undefined,
    createdFrom(f.from),
    createdTo(f.to),
  ];

  /** Everything but status and the page position: what the customer list's tab counts share. */
  const customerScope = (f: Omit<CustomerOrderFilter, 'limit'>) => {
    const number = f.search === undefined ? null : parsePublicNumber(f.search);
    const linkLike = f.search === undefined ? undefined : ilike(orders.link, likeContains(f.search));
    return [
      eq(orders.userId, f.userId),
      number === null ? linkLike : or(eq(orders.number, number), linkLike),
      f.serviceId ? eq(orders.serviceId, f.serviceId) : undefined,
      createdFrom(f.from),
      createdTo(f.to),
    ];
  };

  return {
    async customerList(f: CustomerOrderFilter): Promise<CustomerOrderRow[]> {
      return db
        .select(customerColumns)
        .from(orders)
        .where(
          and(
            ...customerScope(f),
            f.status ? inArray(orders.status, orderStatusesOf(f.status)) : undefined,
            beforeCursor(orders.createdAt, orders.id, f.after),
          ),
        )
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(f.limit);
    },

    /** Orders per (internal) status under the customer list's filters, status and page aside. */
    async customerCounts(f: Omit<CustomerOrderFilter, 'limit'>): Promise<{ status: string; n: number }[]> {
      return db
        .select({ status: orders.status, n: count() })
        .from(orders)
        .where(and(...customerScope(f)))
        .groupBy(orders.status);
    },

    /**
     * The watched orders' current state, with whose they are: the watch hub serves many users at once
     * (no `userId`); one customer's poll is scoped to their own orders in the query itself.
     */
    async watched(ids: string[], userId?: string): Promise<(CustomerOrderRow & { userId: string })[]> {
      if (ids.length === 0) return [];
      return db
        .select({ ...customerColumns, userId: orders.userId })
        .from(orders)
        .where(and(inArray(orders.id, ids), userId ? eq(orders.userId, userId) : undefined));
    },

    /** Another user's order is indistinguishable from a missing one. */
    /** One of the customer's orders, by id or by public number. */
    async customerFind(userId: string, id: string | number): Promise<CustomerOrderRow | null> {
      const [row] = await db
        .select(customerColumns)
        .from(orders)
        .where(
          and(typeof id === 'number' ? eq(orders.number, id) : eq(orders.id, id), eq(orders.userId, userId)),
        );
      return row ?? null;
    },

    adminList(f: AdminOrderFilter) {
      return adminSelect()
        .where(
          and(
            ...adminScope(f),
            f.status ? eq(orders.status, f.status) : undefined,
            f.reviewKind ? eq(orders.reviewKind, f.reviewKind) : undefined,
            beforeCursor(orders.createdAt, orders.id, f.after),
          ),
        )
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(f.limit);
    },

    /** Orders per status under the list's filters (all but status and page). */
    async adminCounts(f: AdminOrderFilter): Promise<{ status: string; n: number }[]> {
      return db
        .select({ status: orders.status, n: count() })
        .from(orders)
        .where(and(...adminScope(f)))
        .groupBy(orders.status);
    },

    async adminFind(id: string) {
      const [row] = await adminSelect().where(eq(orders.id, id));
      return row ?? null;
    },

    ledgerOf(orderId: string) {
      return db
        .select({
          id: ledger.id,
          kind: ledger.kind,
          amount: ledger.amount,
          balanceAfter: ledger.balanceAfter,
          currency: ledger.currency,
          note: ledger.note,
          actorId: ledger.actorId,
          createdAt: isoText(ledger.createdAt),
        })
        .from(ledger)
        .where(eq(ledger.orderId, orderId))
        .orderBy(asc(ledger.createdAt), asc(ledger.id));
    },

    /** The refunds given for an order (at most one: the ledger's index), for its customer: amount and time. */
    refundsOf(orderId: string): Promise<{ amount: string; createdAt: string }[]> {
      return db
        .select({
          amount: sql<string>`${ledger.amount}::numeric(20,6)::text`,
          createdAt: isoText(ledger.createdAt),
        })
        .from(ledger)
        .where(and(eq(ledger.orderId, orderId), eq(ledger.kind, 'refund')))
        .orderBy(asc(ledger.createdAt), asc(ledger.id));
    },

    async statusOf(id: string): Promise<string | null> {
      const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, id));
      return row?.status ?? null;
    },

    /** Where an order stands at its provider: what a forced sync needs. */
    async providerPlace(
      id: string,
    ): Promise<{ status: string; providerId: string | null; providerOrderId: string | null } | null> {
      const [row] = await db
        .select({
          status: orders.status,
          providerId: orders.providerId,
          providerOrderId: orders.providerOrderId,
        })
        .from(orders)
        .where(eq(orders.id, id));
      return row ?? null;
    },

    /** The order's service as the forwarder would send it. */
    async serviceTarget(
      id: string,
    ): Promise<{ providerServiceId: string | null; providerId: string | null } | null> {
      const [row] = await db
        .select({ providerServiceId: services.providerServiceId, providerId: services.providerId })
        .from(orders)
        .innerJoin(services, eq(services.id, orders.serviceId))
        .where(eq(orders.id, id));
      return row ?? null;
    },

    /** A reseller's orders among these public numbers, with what the status reply needs. */
    async resellerStatuses(userId: string, numbers: number[]): Promise<ResellerStatusRow[]> {
      if (numbers.length === 0) return [];
      return db
        .select({
          id: orders.id,
          number: orders.number,
          status: orders.status,
          price: orders.price,
          refunded: refundedOf,
          currency: orders.currency,
          startCount: sql<string | null>`${orders.startCount}::text`,
          remains: sql<string | null>`${orders.remains}::text`,
          units: sql<string>`${orders.units}::text`,
        })
        .from(orders)
        .where(and(inArray(orders.number, numbers), eq(orders.userId, userId)));
    },

    /** A customer's order ids behind these public numbers (other customers' numbers are not found). */
    async idsByNumber(userId: string, numbers: number[]): Promise<Map<number, string>> {
      if (numbers.length === 0) return new Map();
      const rows = await db
        .select({ id: orders.id, number: orders.number })
        .from(orders)
        .where(and(inArray(orders.number, numbers), eq(orders.userId, userId)));
      return new Map(rows.map((r) => [r.number, r.id]));
    },

    /** How far behind status sync is over the orders live at providers. */
    async syncLag(): Promise<SyncLag> {
      const [row] = await db
        .select({
          lag: sql<
            number | null
          >`extract(epoch from now() - min(${orders.nextStatusCheck}) filter (where ${orders.nextStatusCheck} <= now()))::float8`,
          due: sql<number>`(count(*) filter (where ${orders.nextStatusCheck} <= now()))::int`,
          live: sql<number>`count(*)::int`,
          lastCheck: sql<
            string | null
          >`to_char(max(${orders.lastStatusCheck}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        })
        .from(orders)
        .where(inArray(orders.status, ['processing', 'in_progress']));
      return row ?? { lag: null, due: 0, live: 0, lastCheck: null };
    },

    /**
     * How long orders take, per service: the mean of completed_at − created_at over the orders
     * completed in the last `days` days (status completed only: partial and canceled ones did not
     * deliver), in seconds. One grouped query over orders_completed_recent_idx; a service with no
     * such order is absent from the map.
     */
    async averageCompletionSeconds(days = 30): Promise<Map<string, number>> {
      const rows = await db
        .select({
          serviceId: orders.serviceId,
          seconds: sql<number>`extract(epoch from avg(${orders.completedAt} - ${orders.createdAt}))::float8`,
        })
        .from(orders)
        .where(
          and(
            eq(orders.status, 'completed'),
            gte(orders.completedAt, sql`now() - make_interval(days => ${days})`),
          ),
        )
        .groupBy(orders.serviceId);
      return new Map(rows.map((r) => [r.serviceId, Math.max(0, Math.round(r.seconds))]));
    },
  };
}

export type OrderReadsRepository = ReturnType<typeof orderReadsRepository>;
