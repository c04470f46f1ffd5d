import { DEPOSIT_AMOUNT_RE, idSchema, isZeroMoney } from '@smm/domain';
import { z } from 'zod';
import { currencySchema, moneySchema, timeBoundSchema, timestampSchema } from './common-schemas.ts';

// Money in: payment methods, deposit requests and the ledger as customers and admins read them.

/** A positive amount as typed: at most 6 decimals, not zero. */
export const depositAmountSchema = z
  .string()
  .trim()
  .regex(DEPOSIT_AMOUNT_RE, 'a positive decimal with at most 6 places, e.g. "500" or "12.50"')
  .refine((v) => !DEPOSIT_AMOUNT_RE.test(v) || !isZeroMoney(v), 'must be more than 0');

export const paymentMethodKindSchema = z.enum(['mobile_wallet', 'bank', 'other']);

export const customerPaymentMethodSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: paymentMethodKindSchema,
    currency: currencySchema,
    account: z.string().describe('where to send the money: a wallet number or bank details'),
    instructions: z.string(),
    minAmount: moneySchema,
    maxAmount: moneySchema,
    feePercent: z.string().describe('kept by the panel from each deposit, e.g. "1.50"'),
  })
  .meta({ id: 'PaymentMethod' });

export const adminPaymentMethodSchema = customerPaymentMethodSchema
  .extend({
    active: z.boolean(),
    sortOrder: z.number().int(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'AdminPaymentMethod' });

export const depositStatusSchema = z.enum(['pending', 'approved', 'rejected']);

export const depositSchema = z
  .object({
    id: z.string(),
    methodId: z.string(),
    methodName: z.string(),
    methodKind: paymentMethodKindSchema,
    amount: moneySchema.describe("what the customer says they sent, in the method's currency"),
    currency: currencySchema.describe("the method's currency"),
    transactionId: z.string(),
    senderNumber: z.string().nullable(),
    note: z.string().nullable(),
    status: depositStatusSchema,
    approvedAmount: moneySchema.nullable().describe("what the admin found, in the method's currency"),
    feeAmount: moneySchema.nullable(),
    creditedAmount: moneySchema.nullable().describe('what reached the balance, in creditedCurrency'),
    creditedCurrency: currencySchema.describe("the user's currency"),
    rejectReason: z.string().nullable(),
    createdAt: timestampSchema,
    decidedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Deposit' });

export const adminDepositSchema = depositSchema
  .extend({
    userId: z.string(),
    userEmail: z.string(),
    userName: z.string(),
    decidedBy: z.string().nullable(),
  })
  .meta({ id: 'AdminDeposit' });

export const ledgerKindSchema = z.enum(['charge', 'refund', 'deposit', 'adjustment']);

export const transactionSchema = z
  .object({
    id: z.string(),
    kind: ledgerKindSchema,
    amount: moneySchema.describe('signed: charges are negative'),
    balanceAfter: moneySchema,
    currency: currencySchema,
    note: z.string().nullable(),
    createdAt: timestampSchema,
    orderId: z.string().nullable(),
    orderNumber: z.number().int().nullable().describe('the order it belongs to, as customers quote it'),
    depositId: z.string().nullable(),
    depositTransactionId: z.string().nullable(),
  })
  .meta({ id: 'Transaction' });

const cursorField = z.string().max(200).optional().describe('nextCursor of the previous page');
const limitField = z.coerce.number().int().min(1).max(100).default(50);

export const transactionsQuerySchema = z.strictObject({
  kind: ledgerKindSchema.optional(),
  from: timeBoundSchema.optional().describe('at or after'),
  to: timeBoundSchema.optional().describe('before'),
  cursor: cursorField,
  limit: limitField,
});

export const transactionsReplySchema = z.object({
  success: z.literal(true),
  items: z.array(transactionSchema),
  nextCursor: z.string().nullable(),
});

export const depositsQuerySchema = z.strictObject({
  status: depositStatusSchema.optional(),
  cursor: cursorField,
  limit: limitField,
});

export const adminDepositsQuerySchema = depositsQuerySchema.extend({
  transactionId: z.string().trim().min(1).max(64).optional().describe('exact, case-insensitive'),
  userId: idSchema('user').optional(),
});

export const depositIdParams = z.strictObject({ id: idSchema('deposit') });
export const paymentMethodIdParams = z.strictObject({ id: idSchema('paymentMethod') });
