import { apiProviders, categories, type Db, orders, services } from '@smm/db';
import { and, asc, eq, exists, gt, ilike, sql } from 'drizzle-orm';
import { isoText, likeContains } from './columns.ts';

/** A catalog service as the admin sees it. */
export interface ServiceRow {
  id: string;
  name: string;
  categoryId: string;
  categoryName: string;
  providerId: string | null;
  providerName: string | null;
  providerServiceId: string | null;
  type: string;
  rate: string | null;
  rateUSD: string | null;
  providerRate: string | null;
  minOrder: number;
  maxOrder: number;
  mode: 'auto' | 'manual';
  status: 'active' | 'inactive';
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string | null;
  priceLocked: boolean;
  disabledByAdmin: boolean;
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceFilter {
  categoryId?: string | undefined;
  providerId?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  mode?: 'auto' | 'manual' | undefined;
  search?: string | undefined;
  /** Keyset: services after this id. */
  after?: string | undefined;
  limit: number;
}

/** What an admin writes on a service (the stored row minus ids and timestamps). */
export type ServiceFields = Omit<ServiceRow, 'id' | 'categoryName' | 'createdAt' | 'updatedAt'>;

export function servicesRepository(db: Db) {
  const columns = {
    id: services.id,
    name: services.name,
    categoryId: services.categoryId,
    categoryName: categories.name,
    providerId: services.providerId,
    providerName: services.providerName,
    providerServiceId: services.providerServiceId,
    type: services.type,
    rate: services.rate,
    rateUSD: services.rateUSD,
    providerRate: services.providerRate,
    minOrder: services.minOrder,
    maxOrder: services.maxOrder,
    mode: services.mode,
    status: services.status,
    refill: services.refill,
    cancel: services.cancel,
    dripfeed: services.dripfeed,
    description: services.description,
    priceLocked: services.priceLocked,
    disabledByAdmin: services.disabledByAdmin,
    statusReason: services.statusReason,
    createdAt: isoText(services.createdAt),
    updatedAt: isoText(services.updatedAt),
  };
  const withCategory = () =>
    db.select(columns).from(services).innerJoin(categories, eq(categories.id, services.categoryId));

  return {
    async list(f: ServiceFilter): Promise<ServiceRow[]> {
      return withCategory()
        .where(
          and(
            f.categoryId ? eq(services.categoryId, f.categoryId) : undefined,
            f.providerId ? eq(services.providerId, f.providerId) : undefined,
            f.status ? eq(services.status, f.status) : undefined,
            f.mode ? eq(services.mode, f.mode) : undefined,
            f.search ? ilike(services.name, likeContains(f.search)) : undefined,
            f.after ? gt(services.id, f.after) : undefined,
          ),
        )
        .orderBy(asc(services.id))
        .limit(f.limit);
    },

    async find(id: string): Promise<ServiceRow | null> {
      const [row] = await withCategory().where(eq(services.id, id));
      return row ?? null;
    },

    /** The provider's name (copied onto the service for display), or null when there is no such provider. */
    async providerName(providerId: string): Promise<string | null> {
      const [p] = await db
        .select({ name: apiProviders.name })
        .from(apiProviders)
        .where(eq(apiProviders.id, providerId));
      return p?.name ?? null;
    },

    /** Throws the unique violation when the provider service id is already a service. */
    async insert(id: string, s: ServiceFields): Promise<void> {
      await db.insert(services).values({ id, ...s });
    },

    async update(id: string, s: ServiceFields): Promise<void> {
      await db
        .update(services)
        .set({ ...s, updatedAt: sql`now()` })
        .where(eq(services.id, id));
    },

    /**
     * Deletes the service, or — when orders use it — turns it off as the admin's choice, under a row
     * lock. Null when there is no such service.
     */
    async deleteOrDisable(id: string, reason: string): Promise<{ deleted: boolean } | null> {
      return db.transaction(async (tx) => {
        const [s] = await tx
          .select({
            used: sql<boolean>`${exists(tx.select({ one: sql`1` }).from(orders).where(eq(orders.serviceId, id)))}`,
          })
          .from(services)
          .where(eq(services.id, id))
          .for('update');
        if (!s) return null;
        if (s.used) {
          await tx
            .update(services)
            .set({ status: 'inactive', disabledByAdmin: true, statusReason: reason, updatedAt: sql`now()` })
            .where(eq(services.id, id));
        } else {
          await tx.delete(services).where(eq(services.id, id));
        }
        return { deleted: !s.used };
      });
    },
  };
}

export type ServicesRepository = ReturnType<typeof servicesRepository>;
