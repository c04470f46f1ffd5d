import { dec, idSchema } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import {
  createService,
  loadService,
  patchService,
  removeService,
} from '../../../use-cases/admin-services.ts';
import { errors, moneySchema } from '../../common-schemas.ts';

const serviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    providerId: z.string().nullable(),
    providerName: z.string().nullable(),
    providerServiceId: z.string().nullable(),
    type: z.string(),
    rate: moneySchema.nullable().describe('BDT per 1000 (Package: per order)'),
    rateUSD: moneySchema.nullable().describe('USD per 1000 (Package: per order)'),
    providerRate: moneySchema.nullable(),
    minOrder: z.number().int(),
    maxOrder: z.number().int(),
    mode: z.enum(['auto', 'manual']),
    status: z.enum(['active', 'inactive']),
    refill: z.boolean(),
    cancel: z.boolean(),
    dripfeed: z.boolean(),
    description: z.string().nullable(),
    priceLocked: z.boolean().describe('an admin set the price: re-imports leave rate and rateUSD alone'),
    disabledByAdmin: z.boolean().describe('an admin turned it off: re-imports never turn it back on'),
    statusReason: z.string().nullable().describe('why an inactive service is inactive'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminService' });

const money = z.string().regex(/^\d{1,14}(\.\d{1,6})?$/, 'a non-negative decimal string, ≤ 6 places');
const fields = {
  name: z.string().trim().min(1).max(500),
  categoryId: idSchema('category'),
  providerId: idSchema('provider').nullable(),
  providerServiceId: z.string().trim().min(1).max(64).nullable(),
  type: z.string().trim().min(1).max(100),
  rate: money.nullable(),
  rateUSD: money.nullable(),
  providerRate: money.nullable(),
  minOrder: z.number().int().min(1).max(1_000_000_000),
  maxOrder: z.number().int().min(1).max(1_000_000_000),
  mode: z.enum(['auto', 'manual']),
  status: z.enum(['active', 'inactive']),
  refill: z.boolean(),
  cancel: z.boolean(),
  dripfeed: z.boolean(),
  description: z.string().max(10_000).nullable(),
  priceLocked: z.boolean(),
};
const createBody = z.strictObject({
  name: fields.name,
  categoryId: fields.categoryId,
  providerId: fields.providerId.optional(),
  providerServiceId: fields.providerServiceId.optional(),
  type: fields.type.optional(),
  rate: fields.rate.optional(),
  rateUSD: fields.rateUSD.optional(),
  providerRate: fields.providerRate.optional(),
  minOrder: fields.minOrder,
  maxOrder: fields.maxOrder,
  mode: fields.mode,
  status: fields.status.optional(),
  refill: fields.refill.optional(),
  cancel: fields.cancel.optional(),
  dripfeed: fields.dripfeed.optional(),
  description: fields.description.optional(),
  priceLocked: fields.priceLocked.optional().describe('default: true when rate or rateUSD is set by hand'),
});
const PERCENT_RE = /^-?\d{1,6}(\.\d{1,6})?$/;
const patchBody = createBody
  .partial()
  .extend({
    markupPercent: z
      .union([z.number(), z.string().trim()])
      .transform(String)
      .refine((v) => PERCENT_RE.test(v) && dec(v).gt(-100), 'a percentage above -100, like 25 or 12.5')
      .optional()
      .describe(
        "instead of rate/rateUSD (not with them): our price = the service's providerRate × (1 + markup/100), " +
          'as imports price it (the BDT rate, if any, keeps its ratio); sets priceLocked',
      ),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
const params = z.strictObject({ id: idSchema('service') });
const one = z.object({ success: z.literal(true), service: serviceSchema });

export const adminServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { repos } = app;
  const forget = (id: string) => app.intake.cache.forgetService(id);

  app.get(
    '/services',
    {
      schema: {
        tags: ['admin'],
        querystring: z.strictObject({
          categoryId: idSchema('category').optional(),
          providerId: idSchema('provider').optional(),
          status: fields.status.optional(),
          mode: fields.mode.optional(),
          search: z.string().trim().min(1).max(200).optional().describe('name substring'),
          cursor: idSchema('service').optional().describe('nextCursor of the previous page'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            success: z.literal(true),
            services: z.array(serviceSchema),
            nextCursor: z.string().nullable(),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const { cursor, limit, ...filter } = req.query;
      const rows = await repos.services.list({ ...filter, after: cursor, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        success: true as const,
        services: page,
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get(
    '/services/:id',
    { schema: { tags: ['admin'], params, response: { 200: one, ...errors(400, 401, 403, 404) } } },
    async (req) => ({ success: true as const, service: await loadService(repos, req.params.id) }),
  );

  app.post(
    '/services',
    {
      schema: {
        tags: ['admin'],
        body: createBody,
        response: { 201: one, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const service = await createService(repos, req.body);
      return reply.code(201).send({ success: true as const, service });
    },
  );

  app.patch(
    '/services/:id',
    {
      schema: {
        tags: ['admin'],
        params,
        body: patchBody,
        response: { 200: one, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => ({
      success: true as const,
      service: await patchService(repos, req.params.id, req.body, forget),
    }),
  );

  app.delete(
    '/services/:id',
    {
      schema: {
        tags: ['admin'],
        params,
        response: {
          200: z.object({
            success: z.literal(true),
            deleted: z.boolean().describe('false: orders use it, so it was made inactive'),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => ({ success: true as const, ...(await removeService(repos, req.params.id, forget)) }),
  );

  // Many services on or off at once; each goes through the same rules as its own PATCH (a type the
  // panel cannot send stays off), so one refusal is reported and the rest still change.
  app.post(
    '/services/bulk-status',
    {
      schema: {
        tags: ['admin'],
        summary: 'Turn many services on or off; each is checked as its own PATCH would be',
        body: z.strictObject({
          ids: z
            .array(idSchema('service'))
            .min(1)
            .max(500)
            .transform((ids) => [...new Set(ids)]),
          status: fields.status,
        }),
        response: {
          200: z.object({
            success: z.literal(true),
            changed: z.array(z.string()).describe('ids now in the asked status'),
            refused: z.array(z.object({ id: z.string(), message: z.string() })),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const changed: string[] = [];
      const refused: { id: string; message: string }[] = [];
      for (const id of req.body.ids) {
        try {
          await patchService(repos, id, { status: req.body.status }, forget);
          changed.push(id);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          refused.push({ id, message: err.message });
        }
      }
      req.log.info(
        { status: req.body.status, changed: changed.length, refused: refused.length },
        'services bulk status',
      );
      return { success: true as const, changed, refused };
    },
  );
};
