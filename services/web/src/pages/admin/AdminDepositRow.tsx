import { useState } from 'react';
import type { AdminDeposit } from '../../api/types.ts';
import { DepositResult } from '../../components/DepositResult.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { depositStatusLabel, formatDateTime, methodKindLabel } from '../../lib/format.ts';
import { formatMoney } from '../../lib/money.ts';
import { DepositDecision } from './DepositDecision.tsx';

interface Props {
  deposit: AdminDeposit;
  onChanged(deposit: AdminDeposit): void;
}

/** One deposit request: who, through what, how much, the wallet's reference; decided here while pending. */
export function AdminDepositRow({ deposit: d, onChanged }: Props) {
  const [said, setSaid] = useState<{ text: string; warn: boolean } | null>(null);
  return (
    <tr
      data-deposit-id={d.id}
      data-status={d.status}
      className={d.status === 'pending' ? 'review' : undefined}
    >
      <td data-label="Submitted" className="nowrap">
        {formatDateTime(d.createdAt)}
      </td>
      <td data-label="User" className="ellipsis" title={d.userName}>
        {d.userEmail}
      </td>
      <td data-label="Method">
        {d.methodName} <span className="muted small">{methodKindLabel(d.methodKind)}</span>
      </td>
      <td data-label="Amount" className="nowrap">
        {formatMoney(d.amount, d.currency)}
      </td>
      <td data-label="Transaction id">
        <code className="txid">{d.transactionId}</code>
      </td>
      <td data-label="Sender" className="nowrap">
        {d.senderNumber ?? <span className="muted">—</span>}
      </td>
      <td data-label="Note" className="note-cell">
        {d.note ?? <span className="muted">—</span>}
      </td>
      <td data-label="Status">
        <StatusBadge status={d.status} label={depositStatusLabel(d.status)} />
        {d.status !== 'pending' && <DepositResult deposit={d} />}
      </td>
      <td data-label="Decide" className="actions-cell">
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
