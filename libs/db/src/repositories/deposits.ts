import {
  addMoney,
  compareMoney,
  type DepositCurrency,
  depositCredit,
  depositInRange,
  isZeroMoney,
  MAX_PENDING_DEPOSITS,
  MONEY_MAX,
  newId,
} from '@smm/domain';
import type postgres from 'postgres';
import { ACTIVITY, recordActivity } from '../orders/activity.ts';

export interface SubmitDepositInput {
  userId: string;
  methodId: string;
  /** In the method's currency; checked here against its limits as they are when the claim is written. */
  amount: string;
  transactionId: string;
  senderNumber: string | null;
  note: string | null;
}

export type SubmitResult =
  | { id: string }
  | 'too-many'
  | 'duplicate'
  | 'no-method'
  | { outOfRange: { min: string; max: string; currency: DepositCurrency } };

/**
 * A customer's deposit request, pending. The user's row is locked first so that racing submissions
 * cannot slip past the pending limit together, and the method's row is share-locked so an archive or
 * deactivation cannot slip in between. One claim per transaction: the (method, transaction id) index
 * refuses a second on the same method, and a claim on another method with the same account (the same
 * wallet, say a method archived and added again) is refused too.
 */
export async function submitDeposit(sql: postgres.Sql, input: SubmitDepositInput): Promise<SubmitResult> {
  return sql.begin(async (tx) => {
    await tx`select id from users where id = ${input.userId} for update`;
    const [m] = await tx<
      { feePercent: string; account: string; currency: DepositCurrency; min: string; max: string }[]
    >`
      select fee_percent::text as "feePercent", account, currency, min_amount::text as min, max_amount::text as max
      from payment_methods
      where id = ${input.methodId} and active and deleted_at is null
      for share`;
    if (!m) return 'no-method' as const;
    if (!depositInRange(input.amount, { minAmount: m.min, maxAmount: m.max })) {
      return { outOfRange: { min: m.min, max: m.max, currency: m.currency } };
    }
    const [p] = await tx<{ n: number }[]>`
      select count(*)::int as n from deposits where user_id = ${input.userId} and status = 'pending'`;
    if (p!.n >= MAX_PENDING_DEPOSITS) return 'too-many' as const;
    const [sameWallet] = await tx`
      select 1 from deposits d join payment_methods pm on pm.id = d.method_id
      where upper(replace(d.transaction_id, '-', '')) = upper(replace(${input.transactionId}, '-', ''))
        and regexp_replace(lower(pm.account), '[^a-z0-9]', '', 'g') = regexp_replace(lower(${m.account}), '[^a-z0-9]', '', 'g')
      limit 1`;
    if (sameWallet) return 'duplicate' as const;
    const id = newId('deposit');
    const rows = await tx`
      insert into deposits (id, user_id, method_id, amount, currency, fee_percent, transaction_id, sender_number, note)
      values (${id}, ${input.userId}, ${input.methodId}, ${input.amount}::numeric, ${m.currency},
              ${m.feePercent}::numeric, ${input.transactionId}, ${input.senderNumber}, ${input.note})
      on conflict (method_id, upper(replace(transaction_id, '-', ''))) do nothing
      returning id`;
    if (rows.length === 0) return 'duplicate' as const;
    await recordActivity(tx, {
      action: ACTIVITY.depositSubmitted,
      actorId: input.userId,
      userId: input.userId,
      message: `${id}: ${input.amount} ${m.currency}, transaction ${input.transactionId}`,
    });
    return { id };
  }) as Promise<SubmitResult>;
}

export interface ApproveDepositInput {
  depositId: string;
  /** The amount the admin found, in the method's currency; the claimed amount when absent. */
  amount?: string | undefined;
  actorId: string;
}

export type DecideResult<T> = T | 'not-found' | { decided: 'approved' | 'rejected' };

/** Why an approval was refused though the deposit is pending: nothing is written. */
export type CreditRefusal = { refused: 'credits-nothing' | 'too-large'; creditedAmount: string };

/**
 * Approves a pending deposit and credits the balance once, in one transaction: the deposit row and
 * its user are locked (so racing approvals queue and the second finds it decided), the `deposit`
 * ledger row goes in first (unique per deposit: a backstop should anything get past the lock) and
 * the balance moves by what that row says.
 */
export async function approveDeposit(
  sql: postgres.Sql,
  input: ApproveDepositInput,
): Promise<DecideResult<{ balanceAfter: string; creditedAmount: string } | CreditRefusal> | 'own-deposit'> {
  return sql.begin(async (tx) => {
    const [d] = await tx<
      {
        status: 'pending' | 'approved' | 'rejected';
        userId: string;
        amount: string;
        currency: DepositCurrency;
        transactionId: string;
        feePercent: string;
        userCurrency: DepositCurrency;
        dollarRate: string;
        balance: string;
      }[]
    >`
      select d.status, d.user_id as "userId", d.amount::text, d.currency, d.transaction_id as "transactionId",
             d.fee_percent::text as "feePercent", u.currency as "userCurrency", u.dollar_rate::text as "dollarRate",
             u.balance::text as balance
      from deposits d
      join users u on u.id = d.user_id
      where d.id = ${input.depositId}
      for update of d, u`;
    if (!d) return 'not-found' as const;
    if (d.status !== 'pending') return { decided: d.status };
    // Four eyes on money in: whoever asked to be credited does not approve it.
    if (d.userId === input.actorId) return 'own-deposit' as const;
    const approved = input.amount ?? d.amount;
    const credit = depositCredit(
      { amount: approved, currency: d.currency, feePercent: d.feePercent },
      { currency: d.userCurrency, dollarRate: d.dollarRate },
    );
    if (isZeroMoney(credit.creditedAmount)) {
      return { refused: 'credits-nothing' as const, creditedAmount: credit.creditedAmount };
    }
    if (compareMoney(addMoney(d.balance, credit.creditedAmount), MONEY_MAX) > 0) {
      return { refused: 'too-large' as const, creditedAmount: credit.creditedAmount };
    }
    const note = `deposit ${d.transactionId}`;
    const [u] = await tx<{ balance: string }[]>`
      with ins as (
        insert into ledger (id, user_id, deposit_id, kind, amount, balance_after, currency, note, actor_id)
        select ${newId('ledger')}, u.id, ${input.depositId}, 'deposit', ${credit.creditedAmount}::numeric,
               u.balance + ${credit.creditedAmount}::numeric, u.currency, ${note}, ${input.actorId}
        from users u where u.id = ${d.userId}
        on conflict (deposit_id) where deposit_id is not null do nothing
        returning user_id, balance_after
      )
      update users set balance = ins.balance_after from ins where users.id = ins.user_id
      returning users.balance::text as balance`;
    // The row lock makes this unreachable; if it ever is, roll everything back rather than approve uncredited.
    if (!u) throw new Error(`deposit ${input.depositId} already has its ledger row`);
    await tx`
      update deposits
      set status = 'approved', approved_amount = ${approved}::numeric, fee_amount = ${credit.feeAmount}::numeric,
          credited_amount = ${credit.creditedAmount}::numeric, credited_currency = ${d.userCurrency},
          dollar_rate = ${credit.dollarRate}::numeric, decided_by = ${input.actorId}, decided_at = now()
      where id = ${input.depositId}`;
    await recordActivity(tx, {
      action: ACTIVITY.depositApproved,
      actorId: input.actorId,
      userId: d.userId,
      message:
        `${input.depositId}: ${approved} ${d.currency}` +
        (input.amount !== undefined && input.amount !== d.amount ? ` (claimed ${d.amount})` : '') +
        ` → ${credit.creditedAmount} ${d.userCurrency}`,
    });
    return { balanceAfter: u.balance, creditedAmount: credit.creditedAmount };
  }) as Promise<
    DecideResult<{ balanceAfter: string; creditedAmount: string } | CreditRefusal> | 'own-deposit'
  >;
}

/** Rejects a pending deposit with the reason the customer will read; nothing is credited. */
export async function rejectDeposit(
  sql: postgres.Sql,
  input: { depositId: string; reason: string; actorId: string },
): Promise<DecideResult<{ userId: string }>> {
  return sql.begin(async (tx) => {
    const [d] = await tx<{ status: 'pending' | 'approved' | 'rejected'; userId: string }[]>`
      select status, user_id as "userId" from deposits where id = ${input.depositId} for update`;
    if (!d) return 'not-found' as const;
    if (d.status !== 'pending') return { decided: d.status };
    await tx`
      update deposits set status = 'rejected', reject_reason = ${input.reason}, decided_by = ${input.actorId},
                          decided_at = now()
      where id = ${input.depositId}`;
    await recordActivity(tx, {
      action: ACTIVITY.depositRejected,
      actorId: input.actorId,
      userId: d.userId,
      message: `${input.depositId}: ${input.reason}`,
    });
    return { userId: d.userId };
  }) as Promise<DecideResult<{ userId: string }>>;
}
