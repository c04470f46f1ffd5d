import { idSchema, newId, normalizeServiceType, unsupportedTypeReason } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ERROR_CODE, notFound } from '../../../errors.ts';
import { errors, moneySchema } from '../../common-schemas.ts';
import { iso, likeContains } from '../../cursor.ts';

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
type ServiceView = z.infer<typeof serviceSchema>;

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
const patchBody = createBody.partial().refine((b) => Object.keys(b).length > 0, 'nothing to change');
const params = z.strictObject({ id: idSchema('service') });
const one = z.object({ success: z.literal(true), service: serviceSchema });

/** The row as stored, in the shape the rules check (camelCase, nulls explicit). */
interface Editable {
  name: string;
  categoryId: string;
  providerId: string | null;
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
}

function checkRules(s: Editable): void {
  const issues: Array<{ field: string; message: string }> = [];
  if (s.minOrder > s.maxOrder)
    issues.push({ field: 'body.minOrder', message: 'minOrder must be ≤ maxOrder' });
  if (s.rate === null && s.rateUSD === null) {
    issues.push({ field: 'body.rate', message: 'set rate (BDT) or rateUSD, or both' });
  }
  if (s.mode === 'auto' && (s.providerId === null || s.providerServiceId === null)) {
    issues.push({ field: 'body.mode', message: 'an auto service needs providerId and providerServiceId' });
  }
  if (issues.length > 0) {
    throw new AppError(400, ERROR_CODE.validation, issues[0]!.message, issues);
  }
  // Never sold, never sent as Default: a type whose parameters the panel cannot send stays off.
  const unsupported = unsupportedTypeReason(s.type);
  if (s.status === 'active' && unsupported !== null) {
    throw new AppError(422, ERROR_CODE.businessRule, unsupported, [
      { field: 'body.status', message: unsupported },
    ]);
  }
}

const DISABLED_BY_ADMIN = 'disabled by an admin';

export const adminServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  const empty = sql``;
  const columns = sql.unsafe(`
    s.id, s.name, s.category_id as "categoryId", c.name as "categoryName", s.provider_id as "providerId",
    s.provider_name as "providerName", s.provider_service_id as "providerServiceId", s.type,
    s.rate::text as rate, s.rate_usd::text as "rateUSD", s.provider_rate::text as "providerRate",
    s.min_order as "minOrder", s.max_order as "maxOrder", s.mode, s.status, s.refill, s.cancel, s.dripfeed,
    s.description, s.price_locked as "priceLocked", s.disabled_by_admin as "disabledByAdmin",
    s.status_reason as "statusReason", ${iso('s.created_at')} as "createdAt", ${iso('s.updated_at')} as "updatedAt"`);
  const load = async (id: string) => {
    const [row] = await sql<ServiceView[]>`
      select ${columns} from services s join categories c on c.id = s.category_id where s.id = ${id}`;
    if (!row) throw notFound('service');
    return row;
  };

  /** Category and provider must exist; the provider's name is copied for display. */
  const references = async (s: Editable): Promise<string | null> => {
    const [c] = await sql`select 1 from categories where id = ${s.categoryId}`;
    if (!c) throw new AppError(422, ERROR_CODE.businessRule, 'no such category');
    if (s.providerId === null) return null;
    const [p] = await sql<{ name: string }[]>`select name from api_providers where id = ${s.providerId}`;
    if (!p) throw new AppError(422, ERROR_CODE.businessRule, 'no such provider');
    return p.name;
  };

  const write = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw new AppError(409, ERROR_CODE.conflict, 'this provider service id is already a service here');
      }
      throw err;
    }
  };

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
      const q = req.query;
      const rows = await sql<ServiceView[]>`
        select ${columns} from services s join categories c on c.id = s.category_id
        where true
          ${q.categoryId ? sql`and s.category_id = ${q.categoryId}` : empty}
          ${q.providerId ? sql`and s.provider_id = ${q.providerId}` : empty}
          ${q.status ? sql`and s.status = ${q.status}` : empty}
          ${q.mode ? sql`and s.mode = ${q.mode}` : empty}
          ${q.search ? sql`and s.name ilike ${likeContains(q.search)}` : empty}
          ${q.cursor ? sql`and s.id > ${q.cursor}` : empty}
        order by s.id
        limit ${q.limit + 1}`;
      const page = rows.slice(0, q.limit);
      return {
        success: true as const,
        services: page,
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get(
    '/services/:id',
    { schema: { tags: ['admin'], params, response: { 200: one, ...errors(400, 401, 403, 404) } } },
    async (req) => ({ success: true as const, service: await load(req.params.id) }),
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
      const b = req.body;
      const s: Editable = {
        name: b.name,
        categoryId: b.categoryId,
        providerId: b.providerId ?? null,
        providerServiceId: b.providerServiceId ?? null,
        type: normalizeServiceType(b.type ?? 'Default'),
        rate: b.rate ?? null,
        rateUSD: b.rateUSD ?? null,
        providerRate: b.providerRate ?? null,
        minOrder: b.minOrder,
        maxOrder: b.maxOrder,
        mode: b.mode,
        status: b.status ?? 'active',
        refill: b.refill ?? false,
        cancel: b.cancel ?? false,
        dripfeed: b.dripfeed ?? false,
        description: b.description ?? null,
      };
      checkRules(s);
      const providerName = await references(s);
      const id = newId('service');
      // A price typed in by hand is the admin's: imports leave it alone unless told otherwise.
      const priceLocked = b.priceLocked ?? (b.rate !== undefined || b.rateUSD !== undefined);
      const off = s.status === 'inactive';
      await write(
        () => sql`
          insert into services (id, name, category_id, provider_id, provider_name, provider_service_id, type, rate,
                                rate_usd, provider_rate, min_order, max_order, mode, status, refill, cancel, dripfeed,
                                description, price_locked, disabled_by_admin, status_reason)
          values (${id}, ${s.name}, ${s.categoryId}, ${s.providerId}, ${providerName}, ${s.providerServiceId}, ${s.type},
                  ${s.rate}, ${s.rateUSD}, ${s.providerRate}, ${s.minOrder}, ${s.maxOrder}, ${s.mode}, ${s.status},
                  ${s.refill}, ${s.cancel}, ${s.dripfeed}, ${s.description}, ${priceLocked}, ${off},
                  ${off ? DISABLED_BY_ADMIN : null})`,
      );
      return reply.code(201).send({ success: true as const, service: await load(id) });
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
    async (req) => {
      const current = await load(req.params.id);
      const b = req.body;
      // The rules hold for the row as it will be, not just for the fields sent.
      const merged: Editable = {
        name: b.name ?? current.name,
        categoryId: b.categoryId ?? current.categoryId,
        providerId: b.providerId === undefined ? current.providerId : b.providerId,
        providerServiceId:
          b.providerServiceId === undefined ? current.providerServiceId : b.providerServiceId,
        type: b.type === undefined ? current.type : normalizeServiceType(b.type),
        rate: b.rate === undefined ? current.rate : b.rate,
        rateUSD: b.rateUSD === undefined ? current.rateUSD : b.rateUSD,
        providerRate: b.providerRate === undefined ? current.providerRate : b.providerRate,
        minOrder: b.minOrder ?? current.minOrder,
        maxOrder: b.maxOrder ?? current.maxOrder,
        mode: b.mode ?? current.mode,
        status: b.status ?? current.status,
        refill: b.refill ?? current.refill,
        cancel: b.cancel ?? current.cancel,
        dripfeed: b.dripfeed ?? current.dripfeed,
        description: b.description === undefined ? current.description : b.description,
      };
      checkRules(merged);
      const providerName = await references(merged);
      const priceChanged =
        (b.rate !== undefined && b.rate !== current.rate) ||
        (b.rateUSD !== undefined && b.rateUSD !== current.rateUSD);
      const priceLocked = b.priceLocked ?? (priceChanged ? true : current.priceLocked);
      // Who turned it off matters to re-imports: an admin's "off" survives them, the provider's does not.
      const statusChanged = b.status !== undefined && b.status !== current.status;
      const disabledByAdmin = statusChanged ? merged.status === 'inactive' : current.disabledByAdmin;
      const statusReason = statusChanged
        ? merged.status === 'inactive'
          ? DISABLED_BY_ADMIN
          : null
        : current.statusReason;
      await write(
        () => sql`
          update services set
            name = ${merged.name}, category_id = ${merged.categoryId}, provider_id = ${merged.providerId},
            provider_name = ${providerName}, provider_service_id = ${merged.providerServiceId}, type = ${merged.type},
            rate = ${merged.rate}, rate_usd = ${merged.rateUSD}, provider_rate = ${merged.providerRate},
            min_order = ${merged.minOrder}, max_order = ${merged.maxOrder}, mode = ${merged.mode},
            status = ${merged.status}, refill = ${merged.refill}, cancel = ${merged.cancel},
            dripfeed = ${merged.dripfeed}, description = ${merged.description}, price_locked = ${priceLocked},
            disabled_by_admin = ${disabledByAdmin}, status_reason = ${statusReason}, updated_at = now()
          where id = ${req.params.id}`,
      );
      app.intake.cache.forgetService(req.params.id);
      return { success: true as const, service: await load(req.params.id) };
    },
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
    async (req) => {
      const id = req.params.id;
      return sql.begin(async (tx) => {
        const [s] = await tx<{ used: boolean }[]>`
          select exists (select 1 from orders where service_id = s.id) as used
          from services s where s.id = ${id} for update`;
        if (!s) throw notFound('service');
        app.intake.cache.forgetService(id);
        if (s.used)
          await tx`update services set status = 'inactive', disabled_by_admin = true,
                                       status_reason = ${DISABLED_BY_ADMIN}, updated_at = now() where id = ${id}`;
        else await tx`delete from services where id = ${id}`;
        return { success: true as const, deleted: !s.used };
      });
    },
  );
};
