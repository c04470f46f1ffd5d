import { customerStatus, formatPublicNumber } from '@smm/domain/browser';
import { api } from '../../api/client.ts';
import type { ServiceListing, UserCancelReply, UserOrder, UserRefillReply } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Money } from '../../components/Money.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { customerStatusLabel, formatCount, formatDateTime } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';

const REFILLABLE = new Set(['completed', 'partial']);
const CANCELABLE = new Set(['pending', 'processing', 'in_progress']);
/** A cancel request the provider has not answered yet (an admin may be looking at it: still waiting). */
const CANCEL_WAITING = new Set(['pending', 'submitting', 'sent', 'needs_review']);

interface Props {
  order: UserOrder;
  service: ServiceListing | undefined;
  onChanged(order: UserOrder | null, message: string): void;
}

/** One order; refill/cancel where its service allows them (the server has the last word). */
export function UserOrderRow({ order: o, service, onChanged }: Props) {
  const { busy, error, run } = useAction();
  const cancelWaiting = o.cancelStatus !== null && CANCEL_WAITING.has(o.cancelStatus);
  const canRefill = service?.refill && REFILLABLE.has(o.status);
  const canCancel = service?.cancel && CANCELABLE.has(o.status) && !cancelWaiting;
  const shown = customerStatus(o.status);

  async function act(kind: 'refill' | 'cancel') {
    if (
      kind === 'cancel' &&
      !window.confirm(t('order.confirmCancel', { number: formatPublicNumber(o.number) }))
    )
      return;
    const done = await run(async () => {
      const r = await api<UserCancelReply | UserRefillReply>('POST', `/api/user/orders/${o.id}/${kind}`);
      const fresh = await api<{ order: UserOrder }>('GET', `/api/user/orders/${o.id}`);
      return { r, order: fresh.order };
    });
    if (!done) return;
    const { r, order } = done;
    const message =
      kind === 'refill'
        ? t('order.refillRequested')
        : r.status === 'canceled'
          ? t('order.canceledRefunded', {
              number: formatPublicNumber(o.number),
              amount: formatMoney(r.refunded ?? '0', r.currency),
            })
          : t('order.cancelPending', { number: formatPublicNumber(o.number) });
    onChanged(order, message);
  }

  return (
    <tr data-order-id={o.id} data-status={shown}>
      <td data-label={t('orders.col.order')}>
        <OrderNumber number={o.number} copy to={`/user/orders/${o.number}`} />
        <div className="muted small">{formatDateTime(o.createdAt)}</div>
      </td>
      <td data-label={t('orders.col.service')}>
        {service ? (
          <span translate="no">{service.name}</span>
        ) : (
          <span className="muted">{t('order.serviceGone')}</span>
        )}
      </td>
      <td data-label={t('orders.col.link')} className="link-cell" translate="no">
        <a href={o.link} target="_blank" rel="noopener noreferrer">
          {o.link}
        </a>
      </td>
      <td data-label={t('orders.col.qty')}>{formatCount(o.quantity)}</td>
      <td data-label={t('orders.col.charge')}>
        <Money amount={o.price} currency={o.currency} />
      </td>
      <td data-label={t('orders.col.start')}>{formatCount(o.startCount)}</td>
      <td data-label={t('orders.col.remains')}>{formatCount(o.remains)}</td>
      <td data-label={t('orders.col.status')}>
        <StatusBadge status={shown} label={customerStatusLabel(o.status)} />
        {cancelWaiting && (
          <div className="muted small" data-testid="cancel-state">
            {t('order.cancelRequested')}
          </div>
        )}
        {o.cancelStatus === 'rejected' && (
          <div className="muted small" data-testid="cancel-state">
            {t('order.cancelRefused')}
          </div>
        )}
      </td>
      <td data-label="" className="actions-cell">
        <div className="actions">
          {canRefill && (
            <button type="button" disabled={busy} onClick={() => act('refill')}>
              {t('order.refill')}
            </button>
          )}
          {canCancel && (
            <button type="button" disabled={busy} onClick={() => act('cancel')}>
              {t('order.cancel')}
            </button>
          )}
        </div>
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}
