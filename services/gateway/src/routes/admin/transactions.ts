import { idSchema } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { errors } from '../common-schemas.ts';
import { transactionsQuerySchema, transactionsReplySchema } from '../funds-schemas.ts';
import { transactionsPage } from '../transactions-page.ts';

const schema = {
  tags: ['admin'],
  summary: "A user's ledger, newest first, as the user sees it",
  params: z.strictObject({ id: idSchema('user') }),
  querystring: transactionsQuerySchema,
  response: { 200: transactionsReplySchema, ...errors(400, 401, 403, 404) },
};

export const adminTransactionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users/:id/transactions', { schema }, async (req) => {
    if (!(await app.repos.users.exists(req.params.id))) throw notFound('user');
    return transactionsPage(app.repos.transactions, req.params.id, req.query, 'admin');
  });
};
