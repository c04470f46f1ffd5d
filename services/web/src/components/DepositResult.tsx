import { compareMoney } from '@smm/domain/browser';
import type { Deposit } from '../api/types.ts';
import { formatDateTime } from '../lib/format.ts';
import { formatMoney, isZero } from '../lib/money.ts';

/**
 * What became of a deposit request: the amount credited (and the corrected amount and fee behind it),
 * the reason it was refused, or that it still waits.
 */
export function DepositResult({ deposit: d }: { deposit: Deposit }) {
  if (d.status === 'pending') return <span className="muted">waiting for approval</span>;
  if (d.status === 'rejected') {
    return (
      <div data-testid="deposit-result">
        <span className="error-text">Reason: {d.rejectReason ?? 'none given'}</span>
        <div className="muted small">{formatDateTime(d.decidedAt)}</div>
      </div>
    );
  }
  const corrected = d.approvedAmount !== null && compareMoney(d.approvedAmount, d.amount) !== 0;
  return (
    <div data-testid="deposit-result">
      <span className="credit">
        Credited{' '}
        <strong data-testid="credited">
          {d.creditedAmount ? formatMoney(d.creditedAmount, d.creditedCurrency) : '—'}
        </strong>
      </span>
      {corrected && (
        <div className="small">
          approved as {formatMoney(d.approvedAmount!, d.currency)} (sent as{' '}
          {formatMoney(d.amount, d.currency)})
        </div>
      )}
      {d.feeAmount && !isZero(d.feeAmount) && (
        <div className="muted small">fee {formatMoney(d.feeAmount, d.currency)}</div>
      )}
      <div className="muted small">{formatDateTime(d.decidedAt)}</div>
    </div>
  );
}
