import type { Deposit } from '../../api/types.ts';
import { DepositResult } from '../../components/DepositResult.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { depositStatusLabel, formatDateTime, methodKindLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney } from '../../lib/money.ts';

/** One of the customer's deposit requests and what became of it. */
export function UserDepositRow({ deposit: d }: { deposit: Deposit }) {
  return (
    <tr data-deposit-id={d.id} data-status={d.status}>
      <td data-label={t('funds.col.submitted')} className="nowrap">
        {formatDateTime(d.createdAt)}
      </td>
      <td data-label={t('funds.col.method')}>
        <span translate="no">{d.methodName}</span>{' '}
        <span className="muted small">{methodKindLabel(d.methodKind)}</span>
      </td>
      <td data-label={t('funds.col.amount')} className="nowrap">
        {formatMoney(d.amount, d.currency)}
      </td>
      <td data-label={t('funds.col.txid')}>
        <code className="txid">{d.transactionId}</code>
      </td>
      <td data-label={t('funds.col.status')}>
        <StatusBadge status={d.status} label={depositStatusLabel(d.status)} />
      </td>
      <td data-label={t('funds.col.result')}>
        <DepositResult deposit={d} />
      </td>
    </tr>
  );
}
