import { ACTIVITY, apiProviders, type Db, orders, recordActivity, services } from '@smm/db';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { isoText, isoTextOrNull } from './columns.ts';

/** A provider row as the admin sees it, the key still encrypted (the view masks it). */
export interface ProviderRow {
  id: string;
  name: string;
  apiUrl: string;
  apiKeyEnc: string;
  loginUser: string | null;
  loginPassSet: boolean;
  status: 'active' | 'inactive';
  isCustom: boolean;
  kind: string;
  maxConcurrency: number;
  rateToUsd: string | null;
  lastBalance: string | null;
  lastBalanceCurrency: string | null;
  lastBalanceAt: string | null;
  flaggedAt: string | null;
  flagReason: string | null;
  syncBackoffUntil: string | null;
  syncFailures: number;
  ambiguousStreak: number;
  breakerOpenUntil: string | null;
  servicesCount: number;
  openOrders: number;
  createdAt: string;
  updatedAt: string;
}

/** What an admin writes on a provider, secrets already encrypted. */
export interface ProviderFields {
  name: string;
  apiUrl: string;
  apiKeyEnc: string;
  loginUser: string | null;
  loginPassEnc: string | null;
  status: 'active' | 'inactive';
  isCustom: boolean;
  maxConcurrency: number;
  rateToUsd: string | null;
}

const OPEN_STATUSES = ['pending', 'submitting', 'needs_review', 'processing', 'in_progress'];

export function providersRepository(db: Db, sqlClient: postgres.Sql) {
  const servicesCount = db
    .select({ n: count() })
    .from(services)
    .where(eq(services.providerId, apiProviders.id));
  const openOrders = db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.providerId, apiProviders.id), inArray(orders.status, OPEN_STATUSES)));
  /** A backoff or breaker in the past is no longer one: shown as none. */
  const whileFuture = (c: typeof apiProviders.syncBackoffUntil) =>
    sql<string | null>`case when ${c} > now() then ${isoTextOrNull(c)} end`;
  const columns = {
    id: apiProviders.id,
    name: apiProviders.name,
    apiUrl: apiProviders.apiUrl,
    apiKeyEnc: apiProviders.apiKeyEnc,
    loginUser: apiProviders.loginUser,
    loginPassSet: sql<boolean>`${apiProviders.loginPassEnc} is not null`,
    status: apiProviders.status,
    isCustom: apiProviders.isCustom,
    kind: apiProviders.kind,
    maxConcurrency: apiProviders.maxConcurrency,
    rateToUsd: apiProviders.rateToUsd,
    lastBalance: apiProviders.lastBalance,
    lastBalanceCurrency: apiProviders.lastBalanceCurrency,
    lastBalanceAt: isoTextOrNull(apiProviders.lastBalanceAt),
    flaggedAt: isoTextOrNull(apiProviders.flaggedAt),
    flagReason: apiProviders.flagReason,
    syncBackoffUntil: whileFuture(apiProviders.syncBackoffUntil),
    syncFailures: apiProviders.syncFailures,
    ambiguousStreak: apiProviders.ambiguousStreak,
    breakerOpenUntil: whileFuture(apiProviders.breakerOpenUntil),
    servicesCount: sql<number>`(${servicesCount})::int`,
    openOrders: sql<number>`(${openOrders})::int`,
    createdAt: isoText(apiProviders.createdAt),
    updatedAt: isoText(apiProviders.updatedAt),
  };

  return {
    /** Flagged providers first (they need the admin), then by name. */
    list(f: {
      status?: 'active' | 'inactive' | undefined;
      flagged?: boolean | undefined;
    }): Promise<ProviderRow[]> {
      return db
        .select(columns)
        .from(apiProviders)
        .where(
          and(
            f.status ? eq(apiProviders.status, f.status) : undefined,
            f.flagged === undefined
              ? undefined
              : f.flagged
                ? isNotNull(apiProviders.flaggedAt)
                : isNull(apiProviders.flaggedAt),
          ),
        )
        .orderBy(sql`${apiProviders.flaggedAt} is null`, asc(apiProviders.name), asc(apiProviders.id));
    },

    async find(id: string): Promise<ProviderRow | null> {
      const [row] = await db.select(columns).from(apiProviders).where(eq(apiProviders.id, id));
      return row ?? null;
    },

    /** What the "is this provider usable" rule reads. */
    async usability(id: string): Promise<{ status: string; apiUrl: string } | null> {
      const [row] = await db
        .select({ status: apiProviders.status, apiUrl: apiProviders.apiUrl })
        .from(apiProviders)
        .where(eq(apiProviders.id, id));
      return row ?? null;
    },

    async insert(id: string, p: ProviderFields): Promise<void> {
      await db.insert(apiProviders).values({ id, ...p });
    },

    /** False when there is no such provider. */
    async update(id: string, set: Partial<ProviderFields>): Promise<boolean> {
      const rows = await db
        .update(apiProviders)
        .set({ ...set, updatedAt: sql`now()` })
        .where(eq(apiProviders.id, id))
        .returning({ id: apiProviders.id });
      return rows.length > 0;
    },

    /** A provider that answered a balance call is usable again: flag, backoff and breaker lifted. */
    async markAnswered(id: string, balance: string, currency: string | null): Promise<void> {
      await db
        .update(apiProviders)
        .set({
          lastBalance: balance,
          lastBalanceCurrency: currency,
          lastBalanceAt: sql`now()`,
          flaggedAt: null,
          flagReason: null,
          syncBackoffUntil: null,
          syncFailures: 0,
          ambiguousStreak: 0,
          breakerOpenUntil: null,
          updatedAt: sql`now()`,
        })
        .where(eq(apiProviders.id, id));
    },

    /** Records the currency the provider bills in; returns its rate to USD (null when unset or no provider). */
    async setBillingCurrency(id: string, currency: string): Promise<string | null> {
      const [row] = await db
        .update(apiProviders)
        .set({ lastBalanceCurrency: currency, updatedAt: sql`now()` })
        .where(eq(apiProviders.id, id))
        .returning({ rateToUsd: apiProviders.rateToUsd });
      return row?.rateToUsd ?? null;
    },

    /**
     * Deletes the provider, or — when services or orders point at it (history, refunds) — only
     * retires it; the activity row in the same transaction. Null when there is no such provider.
     * Raw SQL: recordActivity writes through postgres.js, and both must share one transaction.
     */
    async deleteOrRetire(id: string, actorId: string): Promise<'deleted' | 'deactivated' | null> {
      return sqlClient.begin(async (tx) => {
        const [p] = await tx<{ used: boolean }[]>`
          select exists (select 1 from services where provider_id = p.id)
              or exists (select 1 from orders where provider_id = p.id) as used
          from api_providers p where p.id = ${id} for update`;
        if (!p) return null;
        if (p.used) {
          await tx`update api_providers set status = 'inactive', updated_at = now() where id = ${id}`;
        } else {
          await tx`delete from api_providers where id = ${id}`;
        }
        await recordActivity(tx, {
          action: p.used ? ACTIVITY.providerDeactivated : ACTIVITY.providerDeleted,
          actorId,
          providerId: id,
        });
        return p.used ? 'deactivated' : 'deleted';
      }) as Promise<'deleted' | 'deactivated' | null>;
    },
  };
}

export type ProvidersRepository = ReturnType<typeof providersRepository>;
