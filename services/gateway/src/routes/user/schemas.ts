import { CUSTOMER_STATUSES, createOrdersBodySchema, idSchema, ORDER_STATUSES } from '@smm/domain';
import { z } from 'zod';
import { CUSTOMER_REFILL_STATUSES } from '../../use-cases/order-timeline.ts';
import { newPasswordSchema } from '../auth/schemas.ts';
import {
  currencySchema,
  errors,
  moneySchema,
  publicNumberParam,
  publicNumberSchema,
  publicUserSchema,
  roleSchema,
  timeBoundSchema,
  timestampSchema,
} from '../common-schemas.ts';

// --- create-orders ---------------------------------------------------------------------------

export const createOrdersReplySchema = z
  .object({
    success: z.literal(true),
    ordersCreated: z.number().int(),
    totalCost: moneySchema,
    currency: currencySchema,
    orderIds: z.array(z.string()),
    orderNumbers: z.array(publicNumberSchema),
  })
  .meta({ id: 'CreateOrdersReply' });

export const createOrdersSchema = {
  tags: ['user'],
  summary: 'Place one order, or a mass order of up to 100 lines (all or nothing)',
  headers: z.object({
    'idempotency-key': z
      .string()
      .regex(/^[\x21-\x7e]{1,255}$/, 'printable ASCII, 1 to 255 characters')
      .optional(),
  }),
  body: createOrdersBodySchema,
  response: {
    201: createOrdersReplySchema,
    ...errors(400, 401, 402, 403, 413, 422, 429, 503),
  },
};

export const quoteSchema = {
  tags: ['user'],
  summary:
    'What an order (or a mass order) would cost now, priced exactly as create-orders will; nothing is written',
  body: createOrdersBodySchema,
  response: {
    200: z
      .object({
        success: z.literal(true),
        totalCost: moneySchema,
        currency: currencySchema,
        lines: z.array(
          z.object({
            serviceId: z.string(),
            units: z.number().int().describe('what the line delivers (quantity × runs)'),
            price: moneySchema,
          }),
        ),
      })
      .meta({ id: 'Quote' }),
    ...errors(400, 401, 403, 413, 422, 503),
  },
};

// --- orders ------------------------------------------------------------------------------------

export const orderSchema = z
  .object({
    id: z.string(),
    number: publicNumberSchema.describe('the order number customers quote (#23501)'),
    serviceId: z.string(),
    categoryId: z.string(),
    link: z.string(),
    quantity: z.number().int().describe('per run for drip-feed orders'),
    runs: z.number().int().nullable().describe('drip-feed runs; the order delivers quantity × runs'),
    interval: z.number().int().nullable().describe('drip-feed minutes between runs'),
    comments: z.string().nullable().describe('Custom Comments orders: one comment per line'),
    cancelStatus: z
      .string()
      .nullable()
      .describe('a cancel request at the provider: pending, submitting, sent, rejected, needs_review'),
    price: moneySchema,
    currency: currencySchema,
    status: z.enum(ORDER_STATUSES as [string, ...string[]]),
    providerStatus: z.string().nullable(),
    startCount: z.number().nullable(),
    remains: z.number().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    completedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Order' });

export const customerStatusSchema = z
  .enum(CUSTOMER_STATUSES as [string, ...string[]])
  .describe('a status as customers see it: pending also covers orders being sent or in review');

export const listOrdersQuerySchema = z.strictObject({
  status: customerStatusSchema.optional(),
  search: z
    .string()
    .trim()
    .min(1)
    .max(2048)
    .optional()
    .describe('an order number (exact), or a piece of the link (any case)'),
  serviceId: idSchema('service').optional(),
  from: timeBoundSchema.optional().describe('created at or after'),
  to: timeBoundSchema.optional().describe('created before'),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const listOrdersSchema = {
  tags: ['user'],
  querystring: listOrdersQuerySchema,
  response: {
    200: z.object({
      success: z.literal(true),
      orders: z.array(orderSchema),
      nextCursor: z.string().nullable(),
      counts: z
        .record(z.string(), z.number().int())
        .describe('orders per customer status under the same filters, status aside; every status present'),
    }),
    ...errors(400, 401),
  },
};

const watchIdsSchema = z
  .string()
  .transform((s) => [...new Set(s.split(',').filter(Boolean))])
  .pipe(z.array(idSchema('order')).min(1).max(200))
  .describe('comma-separated order ids (at most 200) to watch');

export const orderEventsSchema = {
  tags: ['user'],
  summary:
    'A text/event-stream of `order` events: the current state of each watched order at once, then each change',
  querystring: z.strictObject({ ids: watchIdsSchema }),
  response: {
    // A stream is piped as it is: fastify never serializes it, so this only types the handler's reply.
    200: z.custom<NodeJS.ReadableStream>().describe('text/event-stream: `event: order`, data an Order'),
    ...errors(400, 401, 429),
  },
};

export const liveOrdersSchema = {
  tags: ['user'],
  summary: 'The current state of watched orders: the polling twin of the event stream',
  querystring: z.strictObject({ ids: watchIdsSchema }),
  response: {
    200: z.object({ success: z.literal(true), orders: z.array(orderSchema) }),
    ...errors(400, 401),
  },
};

export const getOrderSchema = {
  tags: ['user'],
  params: z.strictObject({
    id: z.union([idSchema('order'), publicNumberParam]).describe('the order id, or its number (23501)'),
  }),
  response: { 200: z.object({ success: z.literal(true), order: orderSchema }), ...errors(400, 401, 404) },
};

export const orderTimelineSchema = {
  tags: ['user'],
  summary:
    "An order's history in the customer's words: placed, processing, status changes, refunds, cancel and refill requests",
  params: getOrderSchema.params,
  response: {
    200: z
      .object({
        success: z.literal(true),
        currency: currencySchema,
        refunded: moneySchema.describe('money given back for this order so far'),
        refills: z.array(
          z.object({
            number: publicNumberSchema.describe('the refill number (the reseller API `refill`)'),
            status: z.enum(CUSTOMER_REFILL_STATUSES),
            createdAt: timestampSchema,
          }),
        ),
        events: z.array(
          z.object({
            at: timestampSchema,
            status: z
              .enum(CUSTOMER_STATUSES as [string, ...string[]])
              .describe("the order's status (the customer's word) after this step"),
            text: z.string(),
            amount: moneySchema.nullable().describe('money given back by this step'),
          }),
        ),
      })
      .meta({ id: 'OrderTimeline' }),
    ...errors(400, 401, 404),
  },
};

// --- services ----------------------------------------------------------------------------------

export const serviceListingSchema = z
  .object({
    id: z.string(),
    number: publicNumberSchema.describe('the public service number (the reseller API `service`)'),
    name: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    type: z.string(),
    ratePer1000: moneySchema.describe('in the caller currency; Package services: per order'),
    min: z.number().int(),
    max: z.number().int(),
    refill: z.boolean(),
    cancel: z.boolean(),
    dripfeed: z.boolean(),
    description: z.string().nullable(),
    avgCompletionSeconds: z
      .number()
      .int()
      .nullable()
      .describe(
        'the mean time from order to completion over the orders completed in the last 30 days, in seconds; null when none',
      ),
  })
  .meta({ id: 'ServiceListing' });

export const listServicesSchema = {
  tags: ['user'],
  response: {
    200: z.object({
      success: z.literal(true),
      currency: currencySchema,
      services: z.array(serviceListingSchema),
    }),
    ...errors(401),
  },
};

// --- me / api key ------------------------------------------------------------------------------

export const meSchema = {
  tags: ['user'],
  response: {
    200: z.object({
      success: z.literal(true),
      user: publicUserSchema.extend({
        role: roleSchema,
        dollarRate: moneySchema,
        status: z.enum(['active', 'suspended']),
        hasApiKey: z.boolean(),
        createdAt: timestampSchema,
      }),
    }),
    ...errors(401, 404),
  },
};

export const apiKeySchema = {
  tags: ['user'],
  summary: 'Rotate the reseller API key (shown once; the old key stops working)',
  response: {
    200: z.object({ success: z.literal(true), apiKey: z.string() }),
    ...errors(401, 404),
  },
};

// --- password ----------------------------------------------------------------------------------

export const changePasswordBodySchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(256),
    newPassword: newPasswordSchema,
  })
  .refine((b) => b.newPassword !== b.currentPassword, {
    path: ['newPassword'],
    message: 'the new password must differ from the current one',
  });

export const changePasswordSchema = {
  tags: ['user'],
  summary:
    'Change the password: the current one must be right (a wrong one counts as a failed login); the session stays',
  body: changePasswordBodySchema,
  response: {
    200: z.object({ success: z.literal(true) }),
    ...errors(400, 401, 409, 422, 429, 503),
  },
};

// --- refill / cancel ---------------------------------------------------------------------------

export const refillOrderSchema = {
  tags: ['user'],
  summary: 'Ask the provider to refill a completed/partial order of a refill service',
  params: z.strictObject({ id: idSchema('order') }),
  response: {
    202: z.object({ success: z.literal(true), refillId: z.string(), status: z.literal('pending') }),
    ...errors(400, 401, 404, 409, 422),
  },
};

export const cancelOrderSchema = {
  tags: ['user'],
  summary:
    'Cancel an order: one not yet sent is canceled and refunded at once (200); one at a provider of a cancel service gets a cancel request (202), refunded when the provider confirms',
  params: z.strictObject({ id: idSchema('order') }),
  response: {
    200: z.object({
      success: z.literal(true),
      status: z.literal('canceled'),
      refunded: moneySchema,
      currency: currencySchema,
    }),
    202: z.object({ success: z.literal(true), status: z.literal('cancel_requested') }),
    ...errors(400, 401, 404, 409, 422),
  },
};
