import { ORDER_STATUSES, REVIEW_KINDS } from '@smm/domain';
import { z } from 'zod';
import { currencySchema, moneySchema, publicNumberSchema } from '../../common-schemas.ts';

const timestamp = z.string().describe('ISO 8601, UTC, microseconds');

/** An order as the admin pages show it: who, what, where it stands at the provider, and the money. */
export const adminOrderSchema = z
  .object({
    id: z.string(),
    number: publicNumberSchema.describe('the order number customers quote (#23501)'),
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
