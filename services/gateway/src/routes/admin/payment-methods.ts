import { ACTIVITY, recordActivity } from '@smm/db';
import { compareMoney, newId, roundMoney } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ERROR_CODE, notFound } from '../../errors.ts';
import type { PaymentMethodFields } from '../../repositories/payment-methods.ts';
import { currencySchema, errors } from '../common-schemas.ts';
import {
  adminPaymentMethodSchema,
  depositAmountSchema,
  paymentMethodIdParams,
  paymentMethodKindSchema,
} from '../funds-schemas.ts';

const fields = {
  name: z.string().trim().min(1).max(100),
  kind: paymentMethodKindSchema,
  currency: currencySchema,
  account: z.string().trim().min(1).max(500).describe('the wallet number or bank details customers send to'),
  instructions: z.string().trim().max(4000).describe('shown to customers as written'),
  minAmount: depositAmountSchema,
  maxAmount: depositAmountSchema,
  feePercent: z
    .string()
    .trim()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, 'a percentage below 100 with at most 2 places, e.g. "1.85"'),
  active: z.boolean(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
};

const one = z.object({ success: z.literal(true), paymentMethod: adminPaymentMethodSchema });

const createSchema = {
  tags: ['admin'],
  summary: 'Add a payment method (a wallet number or bank account customers send money to)',
  body: z.strictObject({
    ...fields,
    instructions: fields.instructions.default(''),
    feePercent: fields.feePercent.default('0'),
    active: fields.active.default(true),
    sortOrder: fields.sortOrder.default(0),
  }),
  response: { 201: one, ...errors(400, 401, 403, 422) },
};

const updateSchema = {
  tags: ['admin'],
  summary: 'Change a payment method; customers see the change at once',
  params: paymentMethodIdParams,
  body: z
    .strictObject({
      name: fields.name.optional(),
      kind: fields.kind.optional(),
      currency: fields.currency.optional(),
      account: fields.account.optional(),
      instructions: fields.instructions.optional(),
      minAmount: fields.minAmount.optional(),
      maxAmount: fields.maxAmount.optional(),
      feePercent: fields.feePercent.optional(),
      active: fields.active.optional(),
      sortOrder: fields.sortOrder.optional(),
    })
    .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
  response: { 200: one, ...errors(400, 401, 403, 404, 422) },
};

const listSchema = {
  tags: ['admin'],
  response: {
    200: z.object({
      success: z.literal(true),
      items: z.array(adminPaymentMethodSchema),
      nextCursor: z.null(),
    }),
    ...errors(401, 403),
  },
};

const deleteSchema = {
  tags: ['admin'],
  summary: 'Remove a payment method: archived, so past deposits keep it; pending ones can still be decided',
  params: paymentMethodIdParams,
  response: {
    200: z.object({ success: z.literal(true), pendingDeposits: z.boolean() }),
    ...errors(400, 401, 403, 404),
  },
};

const limitsError = () =>
  new AppError(422, ERROR_CODE.businessRule, 'minAmount must not be above maxAmount', {
    field: 'body.minAmount',
  });

function assertLimits(min: string, max: string): void {
  if (compareMoney(min, max) > 0) throw limitsError();
}

export const adminPaymentMethodRoutes: FastifyPluginAsyncZod = async (app) => {
  const { paymentMethods } = app.repos;
  const { sql } = app.deps.db;

  app.get('/payment-methods', { schema: listSchema }, async () => ({
    success: true as const,
    items: await paymentMethods.list(),
    nextCursor: null,
  }));

  app.post('/payment-methods', { schema: createSchema }, async (req, reply) => {
    const b = req.body;
    const f: PaymentMethodFields = {
      ...b,
      minAmount: roundMoney(b.minAmount),
      maxAmount: roundMoney(b.maxAmount),
    };
    assertLimits(f.minAmount, f.maxAmount);
    const id = newId('paymentMethod');
    await paymentMethods.insert(id, f);
    await recordActivity(sql, {
      action: ACTIVITY.paymentMethodCreated,
      actorId: req.user.id,
      message: `${id} "${f.name}" (${f.kind}, ${f.currency}) account ${f.account}`,
    });
    return reply.code(201).send({ success: true as const, paymentMethod: (await paymentMethods.find(id))! });
  });

  app.patch('/payment-methods/:id', { schema: updateSchema }, async (req) => {
    const id = req.params.id;
    const before = await paymentMethods.find(id);
    if (!before) throw notFound('payment method');
    const set: Partial<PaymentMethodFields> = { ...req.body };
    if (set.minAmount !== undefined) set.minAmount = roundMoney(set.minAmount);
    if (set.maxAmount !== undefined) set.maxAmount = roundMoney(set.maxAmount);
    assertLimits(set.minAmount ?? before.minAmount, set.maxAmount ?? before.maxAmount);
    const updated = await paymentMethods.update(id, set);
    // Judged again on the row as it was when written: another edit may have moved the other limit.
    if (updated === 'limits') throw limitsError();
    if (!updated) throw notFound('payment method');
    // Where customers send money is what a fraud would change: the old and new account are kept.
    const account =
      set.account !== undefined && set.account !== before.account
        ? `; account ${before.account} → ${set.account}`
        : '';
    await recordActivity(sql, {
      action: ACTIVITY.paymentMethodUpdated,
      actorId: req.user.id,
      message: `${id} changed: ${Object.keys(req.body).join(', ')}${account}`,
    });
    return { success: true as const, paymentMethod: (await paymentMethods.find(id))! };
  });

  app.delete('/payment-methods/:id', { schema: deleteSchema }, async (req) => {
    const done = await paymentMethods.archive(req.params.id);
    if (!done) throw notFound('payment method');
    await recordActivity(sql, {
      action: ACTIVITY.paymentMethodDeleted,
      actorId: req.user.id,
      message: `${req.params.id} archived`,
    });
    return { success: true as const, pendingDeposits: done.pendingDeposits };
  });
};
