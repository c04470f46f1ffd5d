import { useState } from 'react';
import { ApiError, api, query } from '../../api/client.ts';
import type {
  AdminDeposit,
  AdminDepositPage,
  ApproveDepositReply,
  RejectDepositReply,
} from '../../api/types.ts';
import { formatMoney, parseAmount } from '../../lib/money.ts';

const REASON_MAX = 500;

interface Props {
  deposit: AdminDeposit;
  /** The deposit as it is now, and what to tell the admin about it (`warn`: not what they asked for). */
  onChanged(deposit: AdminDeposit, message: string, warn?: boolean): void;
}

type Problem = { on: 'amount' | 'reason' | 'form'; text: string };

/** The deposit as the API has it now (another admin may have decided it): found by its transaction id. */
async function reread(d: AdminDeposit): Promise<AdminDeposit | null> {
  const r = await api<AdminDepositPage>(
    'GET',
    `/api/admin/deposits${query({ transactionId: d.transactionId, limit: 20 })}`,
  );
  return r.items.find((x) => x.id === d.id) ?? null;
}

/** What the API said, in plain words and on the input it concerns. */
function problemOf(e: unknown): Problem {
  if (!(e instanceof ApiError)) return { on: 'form', text: e instanceof Error ? e.message : String(e) };
  if (e.code === 'VALIDATION_ERROR') {
    const fields = e.fields.map((f) => f.field.replace(/^body\./, ''));
    if (fields.includes('amount')) return { on: 'amount', text: 'Write the amount as a number above 0.' };
    if (fields.includes('reason'))
      return { on: 'reason', text: `Write a reason of up to ${REASON_MAX} characters.` };
  }
  if (e.code === 'NOT_FOUND') return { on: 'form', text: 'This deposit no longer exists.' };
  return { on: 'form', text: e.message };
}

/** Approve (as sent, or with the amount the admin found) or reject (with a reason the customer sees). */
export function DepositDecision({ deposit: d, onChanged }: Props) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function decide(act: () => Promise<{ deposit: AdminDeposit; message: string }>) {
    setBusy(true);
    setProblem(null);
    try {
      const done = await act();
      onChanged(done.deposit, done.message);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DEPOSIT_ALREADY_DECIDED') {
        const fresh = await reread(d).catch(() => null);
        if (fresh) onChanged(fresh, 'Already decided by another admin; refreshed.', true);
        else setProblem({ on: 'form', text: 'Already decided by another admin.' });
      } else {
        setProblem(problemOf(e));
      }
    } finally {
      setBusy(false);
    }
  }

  const approve = () => {
    const typed = amount.trim();
    const corrected = typed === '' ? null : parseAmount(typed);
    if (typed !== '' && corrected === null) {
      setProblem({ on: 'amount', text: 'Write the amount as a number above 0, like 450 or 1250.50.' });
      return;
    }
    const shown = formatMoney(corrected ?? d.amount, d.currency);
    const question = corrected
      ? `Approve ${shown} (sent as ${formatMoney(d.amount, d.currency)}) from ${d.userEmail}? Their balance is credited at once.`
      : `Approve ${shown} from ${d.userEmail}? Their balance is credited at once.`;
    if (!window.confirm(question)) return;
    void decide(async () => {
      const r = await api<ApproveDepositReply>(
        'POST',
        `/api/admin/deposits/${d.id}/approve`,
        corrected ? { amount: corrected } : {},
      );
      const credited = r.deposit.creditedAmount
        ? formatMoney(r.deposit.creditedAmount, r.deposit.creditedCurrency)
        : 'nothing';
      return {
        deposit: r.deposit,
        message: `Approved: ${credited} credited; balance now ${formatMoney(r.balance, r.deposit.creditedCurrency)}.`,
      };
    });
  };

  const reject = () => {
    const why = reason.trim();
    if (!why) {
      setProblem({ on: 'reason', text: 'Write the reason: the customer sees it.' });
      return;
    }
    void decide(async () => {
      const r = await api<RejectDepositReply>('POST', `/api/admin/deposits/${d.id}/reject`, { reason: why });
      return { deposit: r.deposit, message: 'Rejected.' };
    });
  };

  return (
    <div className="decision" data-testid="decision">
      <div className="inline">
        <input
          name="approveAmount"
          aria-label="corrected amount"
          inputMode="decimal"
          autoComplete="off"
          className="amount-input"
          placeholder={`${formatMoney(d.amount)} (as sent)`}
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            if (problem?.on === 'amount') setProblem(null);
          }}
        />
        <button type="button" className="primary" disabled={busy} onClick={approve}>
          Approve
        </button>
      </div>
      {problem?.on === 'amount' && <span className="field-error">{problem.text}</span>}
      <div className="inline">
        <input
          name="rejectReason"
          aria-label="reason for rejecting"
          placeholder="reason, shown to the customer"
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            if (problem?.on === 'reason') setProblem(null);
          }}
        />
        <button type="button" className="danger" disabled={busy || !reason.trim()} onClick={reject}>
          Reject
        </button>
      </div>
      {problem?.on === 'reason' && <span className="field-error">{problem.text}</span>}
      {busy && <span className="muted small">working…</span>}
      {problem?.on === 'form' && (
        <div className="error" role="alert" data-testid="error">
          {problem.text}
        </div>
      )}
    </div>
  );
}
