import { type ReactNode, useState } from 'react';
import type { AdminOrder, AdminProvider } from '../../api/types.ts';
import { Money } from '../../components/Money.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { isZero } from '../../lib/money.ts';
import { OrderActions } from './OrderActions.tsx';
import { modeWord, orderStatusWord, said } from './words.tsx';

interface Props {
  order: AdminOrder;
  providers: AdminProvider[];
  onChanged(order: AdminOrder, message: ReactNode): void;
}

export function AdminOrderRow({ order: o, providers, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <tr
      data-order-id={o.id}
      data-status={o.status}
      className={o.status === 'needs_review' ? 'review' : undefined}
    >
      <td data-label={t('admin.orders.col.order')}>
        <OrderNumber number={o.number} copy />
        {o.isManual && <span className="tag">{t('admin.orders.manualTag')}</span>}
        <div className="muted small">{formatDateTime(o.createdAt)}</div>
      </td>
      <td data-label={t('admin.orders.col.user')} className="ellipsis" translate="no">
        {o.userEmail}
      </td>
      <td data-label={t('admin.orders.col.service')}>
        <span translate="no">{o.serviceName}</span>{' '}
        <span className="muted small">({modeWord(o.serviceMode)})</span>
      </td>
      <td data-label={t('admin.orders.col.link')} className="link-cell">
        <a href={o.link} target="_blank" rel="noopener noreferrer" translate="no">
          {o.link}
        </a>
      </td>
      <td data-label={t('admin.orders.col.qty')}>{formatCount(o.quantity)}</td>
      <td data-label={t('admin.orders.col.charge')}>
        <span translate="no">
          <Money amount={o.price} currency={o.currency} />
        </span>
        {!isZero(o.refunded) && (
          <div className="muted small" data-testid="refunded">
            {said('admin.orders.refunded', { amount: <Money amount={o.refunded} currency={o.currency} /> })}
          </div>
        )}
      </td>
      <td data-label={t('admin.orders.col.provider')}>
        <span translate="no">{o.providerName ?? '—'}</span>
        {o.providerOrderId && (
          <div className="muted small" translate="no">
            #{o.providerOrderId}
          </div>
        )}
      </td>
      <td data-label={t('admin.orders.col.startRemains')}>
        {formatCount(o.startCount)} / {formatCount(o.remains)}
      </td>
      <td data-label={t('admin.orders.col.status')}>
        <StatusBadge status={o.status} label={orderStatusWord(o.status)} />
        {o.lastError && (
          <div className="muted small error-text" translate="no">
            {o.lastError}
          </div>
        )}
        {o.adminNotes && (
          <div className="small notes">{said('admin.orders.note', { notes: o.adminNotes })}</div>
        )}
      </td>
      <td data-label={t('admin.orders.col.actions')} className="actions">
        {open ? (
          <OrderActions
            order={o}
            providers={providers}
            onChanged={onChanged}
            onClose={() => setOpen(false)}
          />
        ) : (
          <button type="button" onClick={() => setOpen(true)}>
            {t('admin.orders.actions')}
          </button>
        )}
      </td>
    </tr>
  );
}
