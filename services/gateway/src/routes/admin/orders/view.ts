import type { SqlLike } from '@smm/db';
import { ORDER_STATUSES, REVIEW_KINDS } from '@smm/domain';
import { z } from 'zod';
import { currencySchema, moneySchema } from '../../common-schemas.ts';
import { iso } from '../../cursor.ts';

const timestamp = z.string().describe('ISO 8601, UTC, microseconds');

/** An order as the admin pages show it: who, what, where it stands at the provider, and the money. */
export const adminOrderSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    userEmail: z.string(),
    serviceId: z.string(),
    serviceName: z.string(),
    serviceMode: z.enum(['auto', 'manual']),
    categoryId: z.string(),
    providerId: z.string().nullable(),
    providerName: z.string().nullable(),
    providerOrderId: z.string().nullable(),
    link: z.string(),
    quantity: z.number().int(),
    serviceType: z.string().describe('what was sold, fixed at intake'),
    units: z.number().int().describe('what the order delivers in total (quantity × runs)'),
    price: moneySchema,
    currency: currencySchema,
    bdtPrice: moneySchema,
    usdPrice: moneySchema,
    refunded: moneySchema.describe('Σ refunds given for this order'),
    providerCharge: moneySchema.nullable(),
    providerCurrency: z.string().nullable(),
    status: z.enum(ORDER_STATUSES as [string, ...string[]]),
    providerStatus: z.string().nullable(),
    startCount: z.number().nullable(),
    remains: z.number().nullable(),
    isManual: z.boolean(),
    adminNotes: z.string().nullable(),
    lastError: z.string().nullable(),
    reviewKind: z
      .enum(REVIEW_KINDS as [string, ...string[]])
      .nullable()
      .describe('why the order is in needs_review: which decision is asked for'),
    sentServiceId: z.string().nullable().describe("the provider's service number the order was last sent as"),
    syncErrors: z.number().int().describe('per-order errors in a row in status replies'),
    softRejections: z.number().int().describe('refusals whose words no rule knows'),
    submitAttempts: z.number().int(),
    forwardRound: z.number().int(),
    lastStatusCheck: timestamp.nullable(),
    nextStatusCheck: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    completedAt: timestamp.nullable(),
  })
  .meta({ id: 'AdminOrder' });

export type AdminOrder = z.infer<typeof adminOrderSchema>;

export function adminOrderColumns(sql: SqlLike) {
  return sql.unsafe(`
    o.id, o.user_id as "userId", u.email as "userEmail", o.service_id as "serviceId", s.name as "serviceName",
    s.mode as "serviceMode", o.category_id as "categoryId", o.provider_id as "providerId",
    p.name as "providerName", o.provider_order_id as "providerOrderId", o.link, o.quantity,
    o.service_type as "serviceType", o.units::float8 as units,
    o.price::text as price, o.currency, o.bdt_price::text as "bdtPrice", o.usd_price::text as "usdPrice",
    coalesce((select sum(l.amount) from ledger l where l.order_id = o.id and l.kind = 'refund'), 0)::numeric(20,6)::text
      as refunded,
    o.provider_charge::text as "providerCharge", o.provider_currency as "providerCurrency", o.status,
    o.provider_status as "providerStatus", o.start_count::float8 as "startCount", o.remains::float8 as remains, o.is_manual as "isManual",
    o.admin_notes as "adminNotes", o.last_error as "lastError", o.review_kind as "reviewKind",
    o.sent_service_id as "sentServiceId", o.sync_errors as "syncErrors", o.soft_rejections as "softRejections",
    o.submit_attempts as "submitAttempts",
    o.forward_round as "forwardRound", ${iso('o.last_status_check')} as "lastStatusCheck",
    ${iso('o.next_status_check')} as "nextStatusCheck", ${iso('o.created_at')} as "createdAt",
    ${iso('o.updated_at')} as "updatedAt", ${iso('o.completed_at')} as "completedAt"`);
}

export function adminOrderFrom(sql: SqlLike) {
  return sql.unsafe(`
    orders o
    join users u on u.id = o.user_id
    join services s on s.id = o.service_id
    left join api_providers p on p.id = o.provider_id`);
}

export async function loadAdminOrder(sql: SqlLike, id: string): Promise<AdminOrder | null> {
  const [row] = await sql<AdminOrder[]>`
    select ${adminOrderColumns(sql)} from ${adminOrderFrom(sql)} where o.id = ${id}`;
  return row ?? null;
}
