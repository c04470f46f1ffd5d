import { useState } from 'react';
import type { AdminOrder, AdminProvider } from '../../api/types.ts';
import { Money } from '../../components/Money.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { isZero } from '../../lib/money.ts';
import { OrderActions } from './OrderActions.tsx';

interface Props {
  order: AdminOrder;
  providers: AdminProvider[];
  onChanged(order: AdminOrder, message: string): void;
}

export function AdminOrderRow({ order: o, providers, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <tr
      data-order-id={o.id}
      data-status={o.status}
      className={o.status === 'needs_review' ? 'review' : undefined}
    >
      <td data-label="Order">
        <OrderNumber number={o.number} copy />
        {o.isManual && <span className="tag">manual</span>}
        <div className="muted small">{formatDateTime(o.createdAt)}</div>
      </td>
      <td data-label="User" className="ellipsis">
        {o.userEmail}
      </td>
      <td data-label="Service">
        {o.serviceName} <span className="muted small">({o.serviceMode})</span>
      </td>
      <td data-label="Link" className="link-cell">
        <a href={o.link} target="_blank" rel="noopener noreferrer">
          {o.link}
        </a>
      </td>
      <td data-label="Qty">{formatCount(o.quantity)}</td>
      <td data-label="Charge">
        <Money amount={o.price} currency={o.currency} />
        {!isZero(o.refunded) && (
          <div className="muted small" data-testid="refunded">
            refunded <Money amount={o.refunded} currency={o.currency} />
          </div>
        )}
      </td>
      <td data-label="Provider">
        {o.providerName ?? '—'}
        {o.providerOrderId && <div className="muted small">#{o.providerOrderId}</div>}
      </td>
      <td data-label="Start / remains">
        {formatCount(o.startCount)} / {formatCount(o.remains)}
      </td>
      <td data-label="Status">
        <StatusBadge status={o.status} />
        {o.lastError && <div className="muted small error-text">{o.lastError}</div>}
        {o.adminNotes && <div className="small notes">Note: {o.adminNotes}</div>}
      </td>
      <td data-label="Actions" className="actions">
        {open ? (
          <OrderActions
            order={o}
            providers={providers}
            onChanged={onChanged}
            onClose={() => setOpen(false)}
          />
        ) : (
          <button type="button" onClick={() => setOpen(true)}>
            Actions
          </button>
        )}
      </td>
    </tr>
  );
}
