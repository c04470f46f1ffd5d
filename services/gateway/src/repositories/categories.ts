import { categories, type Db, orders, services } from '@smm/db';
import { and, asc, count, eq, exists, ilike, sql } from 'drizzle-orm';
import { isoText, likeContains } from './columns.ts';

export interface CategoryRow {
  id: string;
  name: string;
  description: string | null;
  status: 'active' | 'inactive';
  sortOrder: number;
  servicesCount: number;
  createdAt: string;
}

export interface CategoryFilter {
  status?: 'active' | 'inactive' | undefined;
  search?: string | undefined;
}

export interface CategoryFields {
  name: string;
  description: string | null;
  status: 'active' | 'inactive';
  sortOrder: number;
}

export function categoriesRepository(db: Db) {
  const servicesCount = db
    .select({ n: count() })
    .from(services)
    .where(eq(services.categoryId, categories.id));
  const columns = {
    id: categories.id,
    name: categories.name,
    description: categories.description,
    status: categories.status,
    sortOrder: categories.sortOrder,
    servicesCount: sql<number>`(${servicesCount})::int`,
    createdAt: isoText(categories.createdAt),
  };

  return {
    async list(f: CategoryFilter): Promise<CategoryRow[]> {
      return db
        .select(columns)
        .from(categories)
        .where(
          and(
            f.status ? eq(categories.status, f.status) : undefined,
            f.search ? ilike(categories.name, likeContains(f.search)) : undefined,
          ),
        )
        .orderBy(asc(categories.sortOrder), asc(categories.name), asc(categories.id));
    },

    async find(id: string): Promise<CategoryRow | null> {
      const [row] = await db.select(columns).from(categories).where(eq(categories.id, id));
      return row ?? null;
    },

    async exists(id: string): Promise<boolean> {
      const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id));
      return row !== undefined;
    },

    async insert(id: string, c: CategoryFields): Promise<void> {
      await db.insert(categories).values({ id, ...c });
    },

    /** False when there is no such category. */
    async update(id: string, set: Partial<CategoryFields>): Promise<boolean> {
      const rows = await db
        .update(categories)
        .set(set)
        .where(eq(categories.id, id))
        .returning({ id: categories.id });
      return rows.length > 0;
    },

    /**
     * Deletes the category, or — when services or orders use it — makes it inactive instead, under a
     * row lock so no service is added to it in between. Null when there is no such category.
     */
    async deleteOrDisable(id: string): Promise<{ deleted: boolean } | null> {
      return db.transaction(async (tx) => {
        const [c] = await tx
          .select({
            used: sql<boolean>`${exists(tx.select({ one: sql`1` }).from(services).where(eq(services.categoryId, id)))}
              or ${exists(tx.select({ one: sql`1` }).from(orders).where(eq(orders.categoryId, id)))}`,
          })
          .from(categories)
          .where(eq(categories.id, id))
          .for('update');
        if (!c) return null;
        if (c.used) await tx.update(categories).set({ status: 'inactive' }).where(eq(categories.id, id));
        else await tx.delete(categories).where(eq(categories.id, id));
        return { deleted: !c.used };
      });
    },
  };
}

export type CategoriesRepository = ReturnType<typeof categoriesRepository>;
