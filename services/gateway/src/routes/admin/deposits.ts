import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveDepositRequest, rejectDepositRequest } from '../../use-cases/deposits.ts';
import { errors, moneySchema } from '../common-schemas.ts';
import { decodeCursor, keysetPage } from '../cursor.ts';
import {
  adminDepositSchema,
  adminDepositsQuerySchema,
  depositAmountSchema,
  depositIdParams,
} from '../funds-schemas.ts';

const listSchema = {
  tags: ['admin'],
  summary: 'Deposit requests, newest first (status=pending for the queue to check)',
  querystring: adminDepositsQuerySchema,
  response: {
    200: z.object({
      success: z.literal(true),
      items: z.array(adminDepositSchema),
      nextCursor: z.string().nullable(),
    }),
    ...errors(400, 401, 403),
  },
};

const approveSchema = {
  tags: ['admin'],
  summary: "Approve a pending deposit: the user's balance is credited once, in their currency",
  params: depositIdParams,
  body: z
    .strictObject({
      amount: depositAmountSchema
        .optional()
        .describe("what actually arrived, in the method's currency, when it differs from the claim"),
    })
    .default({}),
  response: {
    200: z.object({ success: z.literal(true), deposit: adminDepositSchema, balance: moneySchema }),
    ...errors(400, 401, 403, 404, 409),
  },
};

const rejectSchema = {
  tags: ['admin'],
  summary: 'Reject a pending deposit with a reason the customer reads',
  params: depositIdParams,
  body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
  response: {
    200: z.object({ success: z.literal(true), deposit: adminDepositSchema }),
    ...errors(400, 401, 403, 404, 409),
  },
};

export const adminDepositRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { sql: app.deps.db.sql, repos: app.repos };

  app.get('/deposits', { schema: listSchema }, async (req) => {
    const q = req.query;
    const rows = await app.repos.deposits.adminList({
      status: q.status,
      transactionId: q.transactionId,
      userId: q.userId,
      after: q.cursor ? decodeCursor(q.cursor) : null,
      limit: q.limit + 1,
    });
    return { success: true as const, ...keysetPage(rows, q.limit) };
  });

  app.post('/deposits/:id/approve', { schema: approveSchema }, async (req) => {
    const done = await approveDepositRequest(deps, {
      depositId: req.params.id,
      amount: req.body.amount,
      actorId: req.user.id,
    });
    req.log.info({ depositId: req.params.id, credited: done.deposit.creditedAmount }, 'deposit approved');
    return { success: true as const, ...done };
  });

  app.post('/deposits/:id/reject', { schema: rejectSchema }, async (req) => {
    const deposit = await rejectDepositRequest(deps, {
      depositId: req.params.id,
      reason: req.body.reason,
      actorId: req.user.id,
    });
    req.log.info({ depositId: req.params.id }, 'deposit rejected');
    return { success: true as const, deposit };
  });
};
