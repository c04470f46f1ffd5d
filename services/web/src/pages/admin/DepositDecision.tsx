import { type ReactNode, useMemo, useState } from 'react';
import { ApiError, api, query } from '../../api/client.ts';
import type {
  AdminDeposit,
  AdminDepositPage,
  ApproveDepositReply,
  RejectDepositReply,
} from '../../api/types.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney, parseAmount } from '../../lib/money.ts';
import { useAdminProblems } from './problems.ts';
import { said } from './words.tsx';

const REASON_MAX = 500;
const DECISION_FIELDS = ['amount', 'reason'] as const;

interface Props {
  deposit: AdminDeposit;
  /** The deposit as it is now, and what to tell the admin about it (`warn`: not what they asked for). */
  onChanged(deposit: AdminDeposit, message: ReactNode, warn?: boolean): void;
}

/** What the page itself finds wrong before asking the API: on the input it concerns, or for the whole. */
type Local = { on: 'amount' | 'reason' | 'form'; text: string };

/** The deposit as the API has it now (another admin may have decided it): found by its transaction id. */
async function reread(d: AdminDeposit): Promise<AdminDeposit | null> {
  const r = await api<AdminDepositPage>(
    'GET',
    `/api/admin/deposits${query({ transactionId: d.transactionId, limit: 20 })}`,
  );
  return r.items.find((x) => x.id === d.id) ?? null;
}

/** Approve (as sent, or with the amount the admin found) or reject (with a reason the customer sees). */
export function DepositDecision({ deposit: d, onChanged }: Props) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Local | null>(null);
  const words = useMemo(
    () => ({
      texts: {
        amount: t('admin.decide.amountText'),
        reason: t('admin.decide.reasonText', { max: REASON_MAX }),
      },
      // A correction that credits nothing, or more than a balance holds: said on the amount.
      rules: { amount: t('admin.decide.amountRule') },
      overrides: {
        NOT_FOUND: t('admin.decide.gone'),
        FORBIDDEN: t('admin.decide.own'),
      },
    }),
    [],
  );
  const problems = useAdminProblems(error, DECISION_FIELDS, words);
  const amountProblem = local?.on === 'amount' ? local.text : problems.fields.amount;
  const reasonProblem = local?.on === 'reason' ? local.text : problems.fields.reason;
  const formProblem = local ? (local.on === 'form' ? local.text : null) : problems.form;

  async function decide(act: () => Promise<{ deposit: AdminDeposit; message: ReactNode }>) {
    setBusy(true);
    setError(null);
    setLocal(null);
    try {
      const done = await act();
      onChanged(done.deposit, done.message);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DEPOSIT_ALREADY_DECIDED') {
        const fresh = await reread(d).catch(() => null);
        if (fresh) onChanged(fresh, t('admin.decide.decidedRefreshed'), true);
        else setLocal({ on: 'form', text: t('admin.decide.decided') });
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  const approve = () => {
    const typed = amount.trim();
    const corrected = typed === '' ? null : parseAmount(typed);
    if (typed !== '' && corrected === null) {
      setError(null);
      setLocal({ on: 'amount', text: t('admin.decide.amountTyped') });
      return;
    }
    const shown = formatMoney(corrected ?? d.amount, d.currency);
    const question = corrected
      ? t('admin.decide.confirmCorrected', {
          amount: shown,
          sent: formatMoney(d.amount, d.currency),
          email: d.userEmail,
        })
      : t('admin.decide.confirm', { amount: shown, email: d.userEmail });
    if (!window.confirm(question)) return;
    void decide(async () => {
      const r = await api<ApproveDepositReply>(
        'POST',
        `/api/admin/deposits/${d.id}/approve`,
        corrected ? { amount: corrected } : {},
      );
      const balance = formatMoney(r.balance, r.deposit.creditedCurrency);
      return {
        deposit: r.deposit,
        message: r.deposit.creditedAmount
          ? said('admin.decide.approved', {
              credited: formatMoney(r.deposit.creditedAmount, r.deposit.creditedCurrency),
              balance,
            })
          : said('admin.decide.approvedNothing', { balance }),
      };
    });
  };

  const reject = () => {
    const why = reason.trim();
    if (!why) {
      setError(null);
      setLocal({ on: 'reason', text: t('admin.decide.reasonEmpty') });
      return;
    }
    void decide(async () => {
      const r = await api<RejectDepositReply>('POST', `/api/admin/deposits/${d.id}/reject`, { reason: why });
      return { deposit: r.deposit, message: t('admin.decide.rejected') };
    });
  };

  return (
    <div className="decision" data-testid="decision">
      <div className="inline">
        <input
          name="approveAmount"
          aria-label={t('admin.decide.amount')}
          inputMode="decimal"
          autoComplete="off"
          className="amount-input"
          placeholder={t('admin.decide.asSent', { amount: formatMoney(d.amount) })}
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            if (local?.on === 'amount') setLocal(null);
            problems.changed('amount');
          }}
        />
        <button type="button" className="primary" disabled={busy} onClick={approve}>
          {t('admin.decide.approve')}
        </button>
      </div>
      {amountProblem && <span className="field-error">{amountProblem}</span>}
      <div className="inline">
        <input
          name="rejectReason"
          aria-label={t('admin.decide.reason')}
          placeholder={t('admin.decide.reasonHint')}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            if (local?.on === 'reason') setLocal(null);
            problems.changed('reason');
          }}
        />
        <button type="button" className="danger" disabled={busy || !reason.trim()} onClick={reject}>
          {t('admin.decide.reject')}
        </button>
      </div>
      {reasonProblem && <span className="field-error">{reasonProblem}</span>}
      {busy && <span className="muted small">{t('admin.working')}</span>}
      {formProblem && (
        <div className="error" role="alert" data-testid="error">
          {formProblem}
        </div>
      )}
    </div>
  );
}
