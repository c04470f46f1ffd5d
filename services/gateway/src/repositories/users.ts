import { type Db, users } from '@smm/db';
import { and, desc, eq, ilike, like, lt, or, sql } from 'drizzle-orm';
import { isoText, likeContains } from './columns.ts';

/** A user as the admin list and the customer's own page show it (never the hashes). */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  status: 'active' | 'suspended';
  balance: string;
  currency: 'BDT' | 'USD';
  dollarRate: string;
  hasApiKey: boolean;
  createdAt: string;
}

export interface UserFilter {
  email?: string | undefined;
  search?: string | undefined;
  role?: 'user' | 'admin' | undefined;
  status?: 'active' | 'suspended' | undefined;
  /** Keyset: users older than this id (ids are time-sortable). */
  before?: string | undefined;
  limit: number;
}

/** The key's owner as the reseller API needs it. */
export interface ApiKeyOwner {
  id: string;
  currency: 'BDT' | 'USD';
  dollarRate: string;
  balance: string;
  status: 'active' | 'suspended';
}

export function usersRepository(db: Db) {
  const columns = {
    id: users.id,
    email: users.email,
    name: users.name,
    role: users.role,
    status: users.status,
    balance: users.balance,
    currency: users.currency,
    dollarRate: users.dollarRate,
    hasApiKey: sql<boolean>`${users.apiKeyHash} is not null`,
    createdAt: isoText(users.createdAt),
  };

  return {
    async list(f: UserFilter): Promise<UserRow[]> {
      return db
        .select(columns)
        .from(users)
        .where(
          and(
            f.email ? like(users.email, likeContains(f.email.toLowerCase())) : undefined,
            f.search
              ? or(ilike(users.email, likeContains(f.search)), ilike(users.name, likeContains(f.search)))
              : undefined,
            f.role ? eq(users.role, f.role) : undefined,
            f.status ? eq(users.status, f.status) : undefined,
            f.before ? lt(users.id, f.before) : undefined,
          ),
        )
        .orderBy(desc(users.id))
        .limit(f.limit);
    },

    async find(id: string): Promise<UserRow | null> {
      const [row] = await db.select(columns).from(users).where(eq(users.id, id));
      return row ?? null;
    },

    async exists(id: string): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
      return row !== undefined;
    },

    /** What prices are shown in: the user's currency and dollar rate. */
    async pricing(id: string): Promise<{ currency: 'BDT' | 'USD'; dollarRate: string } | null> {
      const [row] = await db
        .select({ currency: users.currency, dollarRate: users.dollarRate })
        .from(users)
        .where(eq(users.id, id));
      return row ?? null;
    },

    /** Replaces the user's API key hash; false when there is no such user. */
    async setApiKeyHash(id: string, hash: string): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ apiKeyHash: hash })
        .where(eq(users.id, id))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    /** What a password check needs: the email (the throttle's subject) and the argon2id hash. */
    async credentials(id: string): Promise<{ email: string; passwordHash: string } | null> {
      const [row] = await db
        .select({ email: users.email, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, id));
      return row ?? null;
    },

    /**
     * Replaces the password hash only if it is still the one checked (compare and set): of two changes
     * racing, the second finds another hash and writes nothing. False then, or when there is no such user.
     */
    async replacePasswordHash(id: string, checked: string, next: string): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ passwordHash: next })
        .where(and(eq(users.id, id), eq(users.passwordHash, checked)))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    /** An admin's reset: the new hash whatever the old one was. False when there is no such user. */
    async setPasswordHash(id: string, next: string): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ passwordHash: next })
        .where(eq(users.id, id))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    async findByApiKeyHash(hash: string): Promise<ApiKeyOwner | null> {
      const [row] = await db
        .select({
          id: users.id,
          currency: users.currency,
          dollarRate: users.dollarRate,
          balance: users.balance,
          status: users.status,
        })
        .from(users)
        .where(eq(users.apiKeyHash, hash));
      return row ?? null;
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
