import { compareMoney } from '@smm/domain/browser';
import type { Deposit } from '../api/types.ts';
import { formatDateTime } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { formatMoney, isZero } from '../lib/money.ts';
import { Say } from './Say.tsx';

/**
 * What became of a deposit request: the amount credited (and the corrected amount and fee behind it),
 * the reason it was refused, or that it still waits.
 */
export function DepositResult({ deposit: d }: { deposit: Deposit }) {
  if (d.status === 'pending') return <span className="muted">{t('deposit.waiting')}</span>;
  if (d.status === 'rejected') {
    return (
      <div data-testid="deposit-result">
        <span className="error-text">
          {d.rejectReason ? (
            <Say k="deposit.reason" parts={{ reason: <span translate="no">{d.rejectReason}</span> }} />
          ) : (
            t('deposit.noReason')
          )}
        </span>
        <div className="muted small">{formatDateTime(d.decidedAt)}</div>
      </div>
    );
  }
  const corrected = d.approvedAmount !== null && compareMoney(d.approvedAmount, d.amount) !== 0;
  return (
    <div data-testid="deposit-result">
      <span className="credit">
        <Say
          k="deposit.credited"
          parts={{
            amount: (
              <strong data-testid="credited" translate="no">
                {d.creditedAmount ? formatMoney(d.creditedAmount, d.creditedCurrency) : '—'}
              </strong>
            ),
          }}
        />
      </span>
      {corrected && (
        <div className="small">
          {t('deposit.approvedAs', {
            approved: formatMoney(d.approvedAmount!, d.currency),
            sent: formatMoney(d.amount, d.currency),
          })}
        </div>
      )}
      {d.feeAmount && !isZero(d.feeAmount) && (
        <div className="muted small">
          {t('deposit.fee', { amount: formatMoney(d.feeAmount, d.currency) })}
        </div>
      )}
      <div className="muted small">{formatDateTime(d.decidedAt)}</div>
    </div>
  );
}
