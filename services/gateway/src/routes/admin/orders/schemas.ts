import { MANUAL_TARGETS } from '@smm/db';
import {
  idSchema,
  linkSchema,
  ORDER_STATUSES,
  orderLineSchema,
  quantitySchema,
  REVIEW_KINDS,
} from '@smm/domain';
import { providerOrderIdSchema } from '@smm/provider-client';
import { z } from 'zod';
import {
  currencySchema,
  errors,
  moneySchema,
  publicNumberParam,
  timeBoundSchema,
} from '../../common-schemas.ts';
import { adminOrderSchema } from './view.ts';

const statusEnum = z.enum(ORDER_STATUSES as [string, ...string[]]);
const orderParams = z.strictObject({ id: idSchema('order') });
const timestamp = z.string().describe('ISO 8601, UTC');
const notes = z.string().trim().max(2000);

export const listAdminOrdersSchema = {
  tags: ['admin'],
  querystring: z.strictObject({
    number: publicNumberParam.optional().describe('one order by its number (23501)'),
    status: statusEnum.optional(),
    reviewKind: z
      .enum(REVIEW_KINDS as [string, ...string[]])
      .optional()
      .describe('why orders are in needs_review'),
    providerId: idSchema('provider').optional(),
    userId: idSchema('user').optional(),
    serviceId: idSchema('service').optional(),
    isManual: z.stringbool().optional(),
    link: z.string().trim().min(1).max(2048).optional().describe('substring of the link, case-insensitive'),
    from: timeBoundSchema.optional().describe('created at or after'),
    to: timeBoundSchema.optional().describe('created before'),
    cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: {
    200: z.object({
      success: z.literal(true),
      orders: z.array(adminOrderSchema),
      nextCursor: z.string().nullable(),
      counts: z
        .record(z.string(), z.number().int())
        .describe('orders per status under the same filters, status filter aside; every status present'),
    }),
    ...errors(400, 401, 403),
  },
};

export const ledgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['charge', 'refund', 'adjustment', 'deposit']),
  amount: moneySchema,
  balanceAfter: moneySchema,
  currency: currencySchema,
  note: z.string().nullable(),
  actorId: z.string().nullable(),
  createdAt: timestamp,
});

export const activityEntrySchema = z
  .object({
    id: z.string(),
    actorId: z.string().nullable(),
    orderId: z.string().nullable(),
    providerId: z.string().nullable(),
    providerOrderId: z.string().nullable(),
    userId: z.string().nullable(),
    action: z.string(),
    message: z.string().nullable(),
    providerResponse: z.unknown(),
    createdAt: timestamp,
  })
  .meta({ id: 'ActivityEntry' });

export const getAdminOrderSchema = {
  tags: ['admin'],
  params: orderParams,
  response: {
    200: z.object({
      success: z.literal(true),
      order: adminOrderSchema,
      ledger: z.array(ledgerEntrySchema),
      activity: z.array(activityEntrySchema),
    }),
    ...errors(400, 401, 403, 404),
  },
};

export const patchAdminOrderSchema = {
  tags: ['admin'],
  summary:
    'Manual fulfilment (status with architecture.md#money refunds), notes, or a provider order id to settle a review',
  params: orderParams,
  body: z
    .strictObject({
      status: z.enum(MANUAL_TARGETS).optional(),
      remains: z.number().int().min(0).max(1_000_000_000).optional().describe('required with status partial'),
      startCount: z.number().int().min(0).max(1e15).optional(),
      adminNotes: notes.nullable().optional(),
      providerOrderId: providerOrderIdSchema.optional().describe('needs_review/pending → processing'),
    })
    .refine((b) => Object.keys(b).length > 0, 'nothing to change')
    .refine((b) => !(b.providerOrderId !== undefined && b.status !== undefined), {
      message: 'send either status or providerOrderId',
      path: ['providerOrderId'],
    }),
  response: {
    200: z.object({
      success: z.literal(true),
      order: adminOrderSchema,
      refunded: moneySchema.nullable().describe('given back by this change'),
    }),
    ...errors(400, 401, 403, 404, 409, 422),
  },
};

export const settleOrderSchema = {
  tags: ['admin'],
  summary:
    'Settle once what automation may not refund: a package Partial, a Partial without remains, a finished order with no refund yet',
  params: orderParams,
  body: z
    .strictObject({
      remains: z
        .number()
        .int()
        .min(0)
        .max(1_000_000_000)
        .optional()
        .describe('not delivered, in the order units'),
      refund: z
        .string()
        .regex(/^\d{1,14}(\.\d{1,6})?$/, 'a non-negative decimal string, ≤ 6 places')
        .optional()
        .describe("the amount to give back, in the order's currency"),
      note: notes.min(1),
    })
    .refine((b) => (b.remains === undefined) !== (b.refund === undefined), {
      message: 'send either remains or refund',
      path: ['remains'],
    }),
  response: {
    200: z.object({
      success: z.literal(true),
      order: adminOrderSchema,
      refunded: moneySchema,
    }),
    ...errors(400, 401, 403, 404, 409, 422),
  },
};

export const cancelAdminOrderSchema = {
  tags: ['admin'],
  summary: 'Cancel and refund everything not yet refunded (pending, needs_review, processing, in_progress)',
  params: orderParams,
  body: z.strictObject({ reason: notes.optional() }).nullish(),
  response: {
    200: z.object({
      success: z.literal(true),
      order: adminOrderSchema,
      refunded: moneySchema,
      providerCancel: z
        .enum(['not_at_provider', 'canceled', 'refused', 'failed'])
        .describe(
          'best-effort provider `cancel` for an order live at a provider; the refund happens either way',
        ),
      providerCancelMessage: z.string().nullable(),
    }),
    ...errors(400, 401, 403, 404, 409),
  },
};

export const manualOrderSchema = {
  tags: ['admin'],
  summary: 'Place an order for a user, charged like any order; isManual, never auto-forwarded',
  body: z.strictObject({
    userId: idSchema('user'),
    serviceId: idSchema('service'),
    link: linkSchema,
    quantity: quantitySchema,
    // The customer line's extras, with the same rules (checked by the shared intake).
    comments: orderLineSchema.shape.comments,
    runs: orderLineSchema.shape.runs,
    interval: orderLineSchema.shape.interval,
    adminNotes: notes.optional(),
  }),
  response: {
    201: z.object({
      success: z.literal(true),
      orderId: z.string(),
      totalCost: moneySchema,
      currency: currencySchema,
    }),
    ...errors(400, 401, 402, 403, 404, 422, 503),
  },
};

export const forwardSchema = {
  tags: ['admin'],
  summary: 'Send a pending (or re-send a needs_review) order to a provider through the forwarder',
  body: z.strictObject({ orderId: idSchema('order'), providerId: idSchema('provider') }),
  response: {
    200: z.object({
      success: z.literal(true),
      status: statusEnum,
      providerOrderId: z.string().nullable(),
      error: z.string().nullable().describe('why it is not at the provider (provider refusal)'),
      jobId: z.string(),
    }),
    202: z.object({
      success: z.literal(true),
      status: statusEnum.describe('still pending/submitting: the worker has not answered yet'),
      providerOrderId: z.null(),
      jobId: z.string(),
    }),
    ...errors(400, 401, 403, 404, 409, 422, 502, 503),
  },
};

const syncError = z.object({ orderId: z.string(), message: z.string() });

export const syncStatusSchema = {
  tags: ['admin'],
  summary: 'Sync one order now, or every order at a provider through a (forced) sweep',
  body: z.strictObject({
    orderId: idSchema('order').optional(),
    forceSync: z
      .boolean()
      .optional()
      .describe('without orderId: true (default) syncs all, false only due ones'),
  }),
  response: {
    200: z.object({
      success: z.literal(true),
      syncedOrders: z.number().int(),
      changedOrders: z.number().int(),
      errors: z.array(syncError),
      jobId: z.string(),
    }),
    202: z.object({
      success: z.literal(true),
      pending: z.literal(true),
      syncedOrders: z.number().int().describe('so far'),
      changedOrders: z.number().int(),
      errors: z.array(syncError),
      jobId: z.string(),
    }),
    ...errors(400, 401, 403, 404, 409, 503),
  },
};
