import { approveDeposit, rejectDeposit, submitDeposit } from '@smm/db';
import { MAX_PENDING_DEPOSITS, roundMoney } from '@smm/domain';
import type postgres from 'postgres';
import { AppError, ERROR_CODE, notFound } from '../errors.ts';
import type { Repositories } from '../repositories/index.ts';

export interface DepositRequestInput {
  userId: string;
  methodId: string;
  amount: string;
  transactionId: string;
  senderNumber?: string | undefined;
  note?: string | undefined;
}

type Deps = { sql: postgres.Sql; repos: Pick<Repositories, 'deposits'> };

/**
 * A customer's "I sent the money" through an active method: within the method's limits, one claim
 * per transaction id per method (whoever makes it), at most MAX_PENDING_DEPOSITS waiting. Nothing
 * moves on the balance until an admin approves.
 */
export async function requestDeposit(deps: Deps, input: DepositRequestInput) {
  const done = await submitDeposit(deps.sql, {
    userId: input.userId,
    methodId: input.methodId,
    amount: roundMoney(input.amount),
    transactionId: input.transactionId,
    senderNumber: input.senderNumber || null,
    note: input.note || null,
  });
  if (done === 'no-method') throw notFound('payment method');
  if (done === 'duplicate') {
    throw new AppError(
      409,
      ERROR_CODE.duplicateTransaction,
      'this transaction id has already been submitted for this payment method',
      { field: 'body.transactionId' },
    );
  }
  if (done === 'too-many') {
    throw new AppError(
      422,
      ERROR_CODE.tooManyPendingDeposits,
      `at most ${MAX_PENDING_DEPOSITS} deposit requests can wait for approval at once`,
      { max: MAX_PENDING_DEPOSITS },
    );
  }
  if ('outOfRange' in done) {
    const { min, max, currency } = done.outOfRange;
    throw new AppError(
      422,
      ERROR_CODE.amountOutOfRange,
      `the amount must be between ${min} and ${max} ${currency}`,
      { field: 'body.amount', min, max, currency },
    );
  }
  return (await deps.repos.deposits.customerFind(input.userId, done.id))!;
}

function ownDeposit(): AppError {
  return new AppError(
    403,
    ERROR_CODE.forbidden,
    'an admin cannot approve their own deposit: another admin does, or record it as a balance adjustment',
  );
}

function alreadyDecided(status: string): AppError {
  return new AppError(409, ERROR_CODE.depositAlreadyDecided, `this deposit is already ${status}`, { status });
}

/** An admin's approval: credits once whatever races it; a corrected amount replaces the claim. */
export async function approveDepositRequest(
  deps: Deps,
  input: { depositId: string; amount?: string | undefined; actorId: string },
) {
  const done = await approveDeposit(deps.sql, {
    depositId: input.depositId,
    amount: input.amount === undefined ? undefined : roundMoney(input.amount),
    actorId: input.actorId,
  });
  if (done === 'not-found') throw notFound('deposit');
  if (done === 'own-deposit') throw ownDeposit();
  if ('decided' in done) throw alreadyDecided(done.decided);
  if ('refused' in done) {
    throw new AppError(
      422,
      ERROR_CODE.businessRule,
      done.refused === 'credits-nothing'
        ? 'this deposit would credit nothing (after the fee and conversion); reject it instead'
        : 'this credit would take the balance past the largest amount the panel can hold',
      { field: 'body.amount', creditedAmount: done.creditedAmount },
    );
  }
  return { deposit: (await deps.repos.deposits.adminFind(input.depositId))!, balance: done.balanceAfter };
}

export async function rejectDepositRequest(
  deps: Deps,
  input: { depositId: string; reason: string; actorId: string },
) {
  const done = await rejectDeposit(deps.sql, input);
  if (done === 'not-found') throw notFound('deposit');
  if ('decided' in done) throw alreadyDecided(done.decided);
  return (await deps.repos.deposits.adminFind(input.depositId))!;
}
