import { ACTIVITY, recordActivity } from '@smm/db';
import { idSchema } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { hashPassword } from '../../use-cases/passwords.ts';
import { updateUser } from '../../use-cases/users.ts';
import { newPasswordSchema } from '../auth/schemas.ts';
import { currencySchema, errors, moneySchema, roleSchema } from '../common-schemas.ts';

const adminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'suspended']),
  balance: moneySchema,
  currency: currencySchema,
  dollarRate: moneySchema,
  hasApiKey: z.boolean(),
  createdAt: z.string(),
});

const listUsersSchema = {
  tags: ['admin'],
  querystring: z.strictObject({
    email: z.string().trim().min(1).max(254).optional().describe('email substring'),
    search: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .optional()
      .describe('email or name substring, case-insensitive'),
    role: roleSchema.optional(),
    status: z.enum(['active', 'suspended']).optional(),
    cursor: z.string().max(64).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
  response: {
    200: z.object({
      success: z.literal(true),
      users: z.array(adminUserSchema),
      nextCursor: z.string().nullable(),
    }),
    ...errors(400, 401, 403),
  },
};

const patchUserSchema = {
  tags: ['admin'],
  summary: 'Suspend/activate a user, change their role, dollar rate or currency (effective within seconds)',
  params: z.strictObject({ id: idSchema('user') }),
  body: z
    .strictObject({
      status: z.enum(['active', 'suspended']).optional(),
      role: roleSchema.optional(),
      dollarRate: z
        .string()
        .regex(/^\d{1,8}(\.\d{1,6})?$/, 'a positive decimal string, ≤ 6 places')
        .refine((v) => Number(v) > 0, 'must be above 0')
        .optional()
        .describe('BDT per USD for this user'),
      currency: currencySchema.optional().describe('only while the balance is zero'),
    })
    .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
  response: {
    200: z.object({ success: z.literal(true), user: adminUserSchema }),
    ...errors(400, 401, 403, 404, 422),
  },
};

const resetPasswordSchema = {
  tags: ['admin'],
  summary: "Set a user's password (a customer locked out of their account); the old one stops working",
  params: z.strictObject({ id: idSchema('user') }),
  body: z.strictObject({ password: newPasswordSchema }),
  response: { 200: z.object({ success: z.literal(true) }), ...errors(400, 401, 403, 404) },
};

export const adminUserRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  const { users } = app.repos;

  app.get('/users', { schema: listUsersSchema }, async (req) => {
    const { cursor, limit, ...filter } = req.query;
    // User ids are time-sortable, so id order is signup order and the id itself is the cursor.
    const rows = await users.list({ ...filter, before: cursor, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      success: true as const,
      users: page,
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  });

  app.patch('/users/:id', { schema: patchUserSchema }, async (req) => {
    const id = req.params.id;
    await updateUser(sql, id, req.body, req.user.id);
    // This replica forgets at once; the others within their few seconds of cache.
    app.sessionUsers.forget(id);
    app.intake.cache.forgetUser(id);
    req.log.info({ userId: id, changed: Object.keys(req.body) }, 'user updated by admin');
    const user = await users.find(id);
    if (!user) throw notFound('user');
    return { success: true as const, user };
  });

  app.post('/users/:id/password', { schema: resetPasswordSchema }, async (req) => {
    const id = req.params.id;
    if (!(await users.setPasswordHash(id, await hashPassword(req.body.password)))) throw notFound('user');
    await recordActivity(sql, {
      action: ACTIVITY.userUpdated,
      actorId: req.user.id,
      userId: id,
      message: 'password reset by an admin',
    });
    req.log.info({ userId: id }, 'password reset by admin');
    return { success: true as const };
  });
};
