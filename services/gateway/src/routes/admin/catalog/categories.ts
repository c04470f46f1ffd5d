import { idSchema, newId } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../errors.ts';
import { errors } from '../../common-schemas.ts';
import { iso, likeContains } from '../../cursor.ts';

const categorySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(['active', 'inactive']),
    sortOrder: z.number().int(),
    servicesCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminCategory' });
type Category = z.infer<typeof categorySchema>;

const fields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable(),
  status: z.enum(['active', 'inactive']),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
};
const params = z.strictObject({ id: idSchema('category') });
const one = z.object({ success: z.literal(true), category: categorySchema });

export const adminCategoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  const empty = sql``;
  const columns = sql.unsafe(`
    c.id, c.name, c.description, c.status, c.sort_order as "sortOrder",
    (select count(*)::int from services s where s.category_id = c.id) as "servicesCount",
    ${iso('c.created_at')} as "createdAt"`);
  const load = async (id: string) => {
    const [row] = await sql<Category[]>`select ${columns} from categories c where c.id = ${id}`;
    if (!row) throw notFound('category');
    return row;
  };

  app.get(
    '/categories',
    {
      schema: {
        tags: ['admin'],
        querystring: z.strictObject({
          status: fields.status.optional(),
          search: z.string().trim().min(1).max(200).optional(),
        }),
        response: {
          200: z.object({ success: z.literal(true), categories: z.array(categorySchema) }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const { status, search } = req.query;
      const categories = await sql<Category[]>`
        select ${columns} from categories c
        where true
          ${status ? sql`and c.status = ${status}` : empty}
          ${search ? sql`and c.name ilike ${likeContains(search)}` : empty}
        order by c.sort_order, c.name, c.id`;
      return { success: true as const, categories };
    },
  );

  app.post(
    '/categories',
    {
      schema: {
        tags: ['admin'],
        body: z.strictObject({
          name: fields.name,
          description: fields.description.optional(),
          status: fields.status.optional(),
          sortOrder: fields.sortOrder.optional(),
        }),
        response: { 201: one, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const id = newId('category');
      await sql`insert into categories (id, name, description, status, sort_order)
                values (${id}, ${b.name}, ${b.description ?? null}, ${b.status ?? 'active'}, ${b.sortOrder ?? 0})`;
      return reply.code(201).send({ success: true as const, category: await load(id) });
    },
  );

  app.patch(
    '/categories/:id',
    {
      schema: {
        tags: ['admin'],
        params,
        body: z
          .strictObject({
            name: fields.name.optional(),
            description: fields.description.optional(),
            status: fields.status.optional(),
            sortOrder: fields.sortOrder.optional(),
          })
          .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: { 200: one, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const b = req.body;
      const set: Record<string, string | number | null> = {};
      if (b.name !== undefined) set.name = b.name;
      if (b.description !== undefined) set.description = b.description;
      if (b.status !== undefined) set.status = b.status;
      if (b.sortOrder !== undefined) set.sort_order = b.sortOrder;
      const rows = await sql`update categories set ${sql(set)} where id = ${req.params.id} returning 1`;
      if (rows.length === 0) throw notFound('category');
      return { success: true as const, category: await load(req.params.id) };
    },
  );

  app.delete(
    '/categories/:id',
    {
      schema: {
        tags: ['admin'],
        params,
        response: {
          200: z.object({
            success: z.literal(true),
            deleted: z.boolean().describe('false: services or orders use it, so it was made inactive'),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const id = req.params.id;
      return sql.begin(async (tx) => {
        const [c] = await tx<{ used: boolean }[]>`
          select exists (select 1 from services where category_id = c.id)
              or exists (select 1 from orders where category_id = c.id) as used
          from categories c where c.id = ${id} for update`;
        if (!c) throw notFound('category');
        if (c.used) await tx`update categories set status = 'inactive' where id = ${id}`;
        else await tx`delete from categories where id = ${id}`;
        return { success: true as const, deleted: !c.used };
      });
    },
  );
};
