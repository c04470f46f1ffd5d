import { idSchema, newId } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../errors.ts';
import { errors } from '../../common-schemas.ts';

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

const fields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable(),
  status: z.enum(['active', 'inactive']),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
};
const params = z.strictObject({ id: idSchema('category') });
const one = z.object({ success: z.literal(true), category: categorySchema });

export const adminCategoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { categories } = app.repos;
  const load = async (id: string) => {
    const row = await categories.find(id);
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
    async (req) => ({ success: true as const, categories: await categories.list(req.query) }),
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
      await categories.insert(id, {
        name: b.name,
        description: b.description ?? null,
        status: b.status ?? 'active',
        sortOrder: b.sortOrder ?? 0,
      });
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
      if (!(await categories.update(req.params.id, req.body))) throw notFound('category');
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
      const done = await categories.deleteOrDisable(req.params.id);
      if (!done) throw notFound('category');
      return { success: true as const, ...done };
    },
  );
};
