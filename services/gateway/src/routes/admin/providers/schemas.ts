import { idSchema } from '@smm/domain';
import { z } from 'zod';
import { errors, moneySchema } from '../../common-schemas.ts';

const timestamp = z.string().describe('ISO 8601, UTC');
const secret = z.string().trim().min(1).max(500);

/** What an admin sees of a provider: secrets only masked (`••••1234`), never the values. */
export const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    apiUrl: z.string(),
    apiKeyMasked: z.string().nullable().describe('null when the stored key cannot be decrypted'),
    loginUser: z.string().nullable(),
    loginPassSet: z.boolean(),
    status: z.enum(['active', 'inactive']),
    isCustom: z.boolean(),
    kind: z.string(),
    maxConcurrency: z.number().int(),
    rateToUsd: z
      .string()
      .nullable()
      .describe(
        "USD per one unit of the provider's currency; needed to import from a provider not billing in USD",
      ),
    lastBalance: moneySchema.nullable(),
    lastBalanceCurrency: z.string().nullable(),
    lastBalanceAt: timestamp.nullable(),
    flaggedAt: timestamp.nullable(),
    flagReason: z.string().nullable(),
    syncBackoffUntil: timestamp.nullable(),
    syncFailures: z.number().int(),
    ambiguousStreak: z.number().int().describe('add calls in a row sent with no answer'),
    breakerOpenUntil: timestamp
      .nullable()
      .describe('circuit open: no new orders until then (then one probe); a check closes it'),
    servicesCount: z.number().int(),
    openOrders: z.number().int().describe('orders pending, submitting, in review or live at this provider'),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'AdminProvider' });

const params = z.strictObject({ id: idSchema('provider') });
const one = z.object({ success: z.literal(true), provider: providerSchema });

const writable = {
  name: z.string().trim().min(1).max(200),
  apiUrl: z.string().trim().min(1).max(2048),
  apiKey: secret,
  loginUser: z.string().trim().max(200).nullable(),
  loginPass: secret.nullable(),
  status: z.enum(['active', 'inactive']),
  isCustom: z.boolean(),
  maxConcurrency: z.number().int().min(1).max(10_000),
  rateToUsd: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,10})?$/, 'a positive decimal string, ≤ 10 places')
    .refine((v) => Number(v) > 0, 'must be above 0')
    .nullable(),
};

export const listProvidersSchema = {
  tags: ['admin'],
  querystring: z.strictObject({
    status: z.enum(['active', 'inactive']).optional(),
    flagged: z.stringbool().optional().describe('only providers flagged (or not) for an admin'),
  }),
  response: {
    200: z.object({ success: z.literal(true), providers: z.array(providerSchema) }),
    ...errors(400, 401, 403),
  },
};

export const getProviderSchema = {
  tags: ['admin'],
  params,
  response: { 200: one, ...errors(400, 401, 403, 404) },
};

export const createProviderSchema = {
  tags: ['admin'],
  body: z.strictObject({
    name: writable.name,
    apiUrl: writable.apiUrl,
    apiKey: writable.apiKey,
    loginUser: writable.loginUser.optional(),
    loginPass: writable.loginPass.optional(),
    status: writable.status.optional(),
    isCustom: writable.isCustom.optional(),
    maxConcurrency: writable.maxConcurrency.optional(),
    rateToUsd: writable.rateToUsd.optional(),
  }),
  response: { 201: one, ...errors(400, 401, 403, 422) },
};

export const updateProviderSchema = {
  tags: ['admin'],
  params,
  body: z
    .strictObject({
      name: writable.name.optional(),
      apiUrl: writable.apiUrl.optional(),
      apiKey: writable.apiKey.optional().describe('replaces the key; omit to keep it'),
      loginUser: writable.loginUser.optional(),
      loginPass: writable.loginPass.optional().describe('null clears it'),
      status: writable.status.optional(),
      isCustom: writable.isCustom.optional(),
      maxConcurrency: writable.maxConcurrency.optional(),
      rateToUsd: writable.rateToUsd.optional().describe('null clears it'),
    })
    .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
  response: { 200: one, ...errors(400, 401, 403, 404, 422) },
};

export const deleteProviderSchema = {
  tags: ['admin'],
  params,
  response: {
    200: z.object({
      success: z.literal(true),
      deleted: z.boolean().describe('false: it has services or orders, so it was made inactive instead'),
      provider: providerSchema.nullable(),
    }),
    ...errors(400, 401, 403, 404),
  },
};

export const checkProviderSchema = {
  tags: ['admin'],
  summary:
    "Ask the provider for its balance; stores it and clears the provider's flag, sync backoff and circuit breaker",
  params,
  response: {
    200: z.object({
      success: z.literal(true),
      balance: moneySchema,
      currency: z.string().nullable(),
      provider: providerSchema,
    }),
    ...errors(400, 401, 403, 404, 422, 502),
  },
};

export const importServicesSchema = {
  tags: ['admin'],
  summary: "Create/update services from the provider's `services` list; disable the ones it dropped",
  params,
  body: z.strictObject({
    markupPercent: z
      .union([z.number(), z.string().regex(/^-?\d{1,6}(\.\d{1,6})?$/, 'a decimal number')])
      .transform(String)
      .refine((v) => Number(v) > -100 && Number(v) <= 100_000, 'must be above -100')
      .describe('our price = provider rate × (1 + markup/100), stored as rateUSD'),
    categoryId: idSchema('category')
      .optional()
      .describe('put every service here; else by provider category name'),
  }),
  response: {
    200: z.object({
      success: z.literal(true),
      created: z.number().int(),
      updated: z.number().int(),
      disabled: z.number().int(),
      categoriesCreated: z.number().int(),
      currency: z.string().describe("the provider's currency its rates were read in"),
      unsupported: z
        .array(z.object({ service: z.string(), name: z.string(), type: z.string(), reason: z.string() }))
        .describe('services of a type the panel cannot send: imported inactive'),
      skipped: z.number().int().describe('entries of the provider list that could not be read'),
      skippedEntries: z
        .array(z.object({ service: z.string().nullable(), name: z.string().nullable(), reason: z.string() }))
        .describe('each entry kept out, with why'),
    }),
    ...errors(400, 401, 403, 404, 422, 502),
  },
};
