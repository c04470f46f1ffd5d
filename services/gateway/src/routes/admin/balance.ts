import { adjustBalanceByAdmin } from '@smm/db';
import { idSchema, isZeroMoney, roundMoney } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ERROR_CODE, notFound } from '../../errors.ts';
import { currencySchema, errors, moneySchema } from '../common-schemas.ts';

const AMOUNT = /^-?\d{1,14}(\.\d{1,6})?$/;

const balanceSchema = {
  tags: ['admin'],
  summary: "Adjust a user's balance (a ledger row); never below zero",
  params: z.strictObject({ id: idSchema('user') }),
  body: z.strictObject({
    amount: z
      .string()
      .regex(AMOUNT, 'a signed decimal string with at most 6 places, e.g. "-12.50"')
      // zod runs refinements after a failed regex too: only judge what is a decimal.
      .refine((v) => !AMOUNT.test(v) || !isZeroMoney(v), 'must not be zero')
      .describe("signed, in the user's currency"),
    note: z.string().trim().min(1).max(500),
    kind: z.enum(['adjustment', 'deposit']).default('adjustment').describe('deposit: money the user paid in'),
  }),
  response: {
    200: z.object({
      success: z.literal(true),
      userId: z.string(),
      amount: moneySchema,
      balance: moneySchema,
      currency: currencySchema,
    }),
    ...errors(400, 401, 403, 404, 422),
  },
};

export const adminBalanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;

  app.post('/users/:id/balance', { schema: balanceSchema }, async (req) => {
    const userId = req.params.id;
    const amount = roundMoney(req.body.amount);
    if (req.body.kind === 'deposit' && amount.startsWith('-')) {
      throw new AppError(422, ERROR_CODE.businessRule, 'a deposit must be positive');
    }
    const done = await adjustBalanceByAdmin(sql, {
      userId,
      amount,
      kind: req.body.kind,
      note: req.body.note,
      actorId: req.user.id,
    });
    if (done === 'no-user') throw notFound('user');
    if (done === 'too-low') {
      throw new AppError(422, ERROR_CODE.balanceTooLow, 'the balance cannot go below zero', { amount });
    }
    req.log.info({ userId, amount }, 'balance adjusted by admin');
    return { success: true as const, userId, amount, balance: done.balanceAfter, currency: done.currency };
  });
};
