import { idSchema } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { errors } from '../common-schemas.ts';
import { decodeCursor, keysetPage } from '../cursor.ts';
import { transactionsQuerySchema, transactionsReplySchema } from '../funds-schemas.ts';

const schema = {
  tags: ['admin'],
  summary: "A user's ledger, newest first, as the user sees it",
  params: z.strictObject({ id: idSchema('user') }),
  querystring: transactionsQuerySchema,
  response: { 200: transactionsReplySchema, ...errors(400, 401, 403, 404) },
};

export const adminTransactionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users/:id/transactions', { schema }, async (req) => {
    const q = req.query;
    if (!(await app.repos.users.exists(req.params.id))) throw notFound('user');
    const rows = await app.repos.transactions.list({
      userId: req.params.id,
      kind: q.kind,
      from: q.from,
      to: q.to,
      after: q.cursor ? decodeCursor(q.cursor) : null,
      limit: q.limit + 1,
      audience: 'admin',
    });
    return { success: true as const, ...keysetPage(rows, q.limit) };
  });
};
