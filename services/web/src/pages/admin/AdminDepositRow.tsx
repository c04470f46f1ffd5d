import { type ReactNode, useState } from 'react';
import type { AdminDeposit } from '../../api/types.ts';
import { DepositResult } from '../../components/DepositResult.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { depositStatusLabel, formatDateTime, methodKindLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney } from '../../lib/money.ts';
import { DepositDecision } from './DepositDecision.tsx';

interface Props {
  deposit: AdminDeposit;
  onChanged(deposit: AdminDeposit): void;
}

/** One deposit request: who, through what, how much, the wallet's reference; decided here while pending. */
export function AdminDepositRow({ deposit: d, onChanged }: Props) {
  const [said, setSaid] = useState<{ text: ReactNode; warn: boolean } | null>(null);
  return (
    <tr
      data-deposit-id={d.id}
      data-status={d.status}
      className={d.status === 'pending' ? 'review' : undefined}
    >
      <td data-label={t('admin.dep.col.submitted')} className="nowrap">
        {formatDateTime(d.createdAt)}
      </td>
      <td data-label={t('admin.dep.col.user')} className="ellipsis" title={d.userName} translate="no">
        {d.userEmail}
      </td>
      <td data-label={t('admin.dep.col.method')}>
        <span translate="no">{d.methodName}</span>{' '}
        <span className="muted small">{methodKindLabel(d.methodKind)}</span>
      </td>
      <td data-label={t('admin.dep.col.amount')} className="nowrap" translate="no">
        {formatMoney(d.amount, d.currency)}
      </td>
      <td data-label={t('admin.dep.col.transactionId')}>
        <code className="txid">{d.transactionId}</code>
      </td>
      <td data-label={t('admin.dep.col.sender')} className="nowrap" translate="no">
        {d.senderNumber ?? <span className="muted">—</span>}
      </td>
      <td data-label={t('admin.dep.col.note')} className="note-cell" translate="no">
        {d.note ?? <span className="muted">—</span>}
      </td>
      <td data-label={t('admin.dep.col.status')}>
        <StatusBadge status={d.status} label={depositStatusLabel(d.status)} />
        {d.status !== 'pending' && <DepositResult deposit={d} />}
      </td>
      <td data-label={t('admin.dep.col.decide')} className="actions-cell">
        {d.status === 'pending' && (
          <DepositDecision
            deposit={d}
            onChanged={(fresh, text, warn = false) => {
              setSaid({ text, warn });
              onChanged(fresh);
            }}
          />
        )}
        {said && (
          <div
            className={said.warn ? 'error' : 'notice'}
            role={said.warn ? 'alert' : 'status'}
            data-testid={said.warn ? 'error' : 'row-notice'}
          >
            {said.text}
          </div>
        )}
      </td>
    </tr>
  );
}
