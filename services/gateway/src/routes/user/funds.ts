import { TRANSACTION_ID_RE } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { depositRateLimit } from '../../plugins/rate-limit.ts';
import { requestDeposit } from '../../use-cases/deposits.ts';
import { errors } from '../common-schemas.ts';
import { decodeCursor, keysetPage } from '../cursor.ts';
import {
  customerPaymentMethodSchema,
  depositAmountSchema,
  depositSchema,
  depositsQuerySchema,
  transactionsQuerySchema,
  transactionsReplySchema,
} from '../funds-schemas.ts';
import { transactionsPage } from '../transactions-page.ts';

const listMethodsSchema = {
  tags: ['user'],
  summary: 'Where to send money: the active payment methods with their instructions and limits',
  response: {
    200: z.object({
      success: z.literal(true),
      items: z.array(customerPaymentMethodSchema),
      nextCursor: z.null(),
    }),
    ...errors(401),
  },
};

const createDepositSchema = {
  tags: ['user'],
  summary: 'Tell the panel you sent money: pending until an admin approves it',
  body: z.strictObject({
    methodId: z.string().min(1).max(64),
    amount: depositAmountSchema.describe("in the method's currency"),
    transactionId: z
      .string()
      .trim()
      .regex(TRANSACTION_ID_RE, '4–64 letters, digits or dashes, as the wallet or bank shows it'),
    senderNumber: z
      .string()
      .trim()
      .max(64)
      .regex(/^[0-9+\-\s]*$/, 'digits, spaces, + or -')
      .optional()
      .describe('the number or account the money came from'),
    note: z.string().trim().max(500).optional(),
  }),
  response: {
    201: z.object({ success: z.literal(true), deposit: depositSchema }),
    ...errors(400, 401, 404, 409, 422, 429),
  },
};

const listDepositsSchema = {
  tags: ['user'],
  querystring: depositsQuerySchema,
  response: {
    200: z.object({
      success: z.literal(true),
      items: z.array(depositSchema),
      nextCursor: z.string().nullable(),
    }),
    ...errors(400, 401),
  },
};

const listTransactionsSchema = {
  tags: ['user'],
  summary: 'Every balance change, newest first: charges, refunds, deposits, adjustments',
  querystring: transactionsQuerySchema,
  response: { 200: transactionsReplySchema, ...errors(400, 401) },
};

/** Money in (payment methods, deposit requests) and the customer's own ledger. */
export const fundsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { paymentMethods, deposits, transactions } = app.repos;
  const deps = { sql: app.deps.db.sql, repos: app.repos };

  app.get('/payment-methods', { schema: listMethodsSchema }, async () => ({
    success: true as const,
    items: await paymentMethods.listForCustomers(),
    nextCursor: null,
  }));

  app.post(
    '/deposits',
    { schema: createDepositSchema, config: { rateLimit: depositRateLimit(app.deps.config) } },
    async (req, reply) => {
      const deposit = await requestDeposit(deps, { userId: req.user.id, ...req.body });
      req.log.info({ depositId: deposit.id, methodId: deposit.methodId }, 'deposit requested');
      return reply.code(201).send({ success: true as const, deposit });
    },
  );

  app.get('/deposits', { schema: listDepositsSchema }, async (req) => {
    const q = req.query;
    const rows = await deposits.customerList({
      userId: req.user.id,
      status: q.status,
      after: q.cursor ? decodeCursor(q.cursor) : null,
      limit: q.limit + 1,
    });
    return { success: true as const, ...keysetPage(rows, q.limit) };
  });

  app.get('/transactions', { schema: listTransactionsSchema }, (req) =>
    transactionsPage(transactions, req.user.id, req.query, 'customer'),
  );
};
