import type { Deposit } from '../../api/types.ts';
import { DepositResult } from '../../components/DepositResult.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { depositStatusLabel, formatDateTime, methodKindLabel } from '../../lib/format.ts';
import { formatMoney } from '../../lib/money.ts';

/** One of the customer's deposit requests and what became of it. */
export function UserDepositRow({ deposit: d }: { deposit: Deposit }) {
  return (
    <tr data-deposit-id={d.id} data-status={d.status}>
      <td data-label="Submitted" className="nowrap">
        {formatDateTime(d.createdAt)}
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
      <td data-label="Status">
        <StatusBadge status={d.status} label={depositStatusLabel(d.status)} />
      </td>
      <td data-label="Result">
        <DepositResult deposit={d} />
      </td>
    </tr>
  );
}
