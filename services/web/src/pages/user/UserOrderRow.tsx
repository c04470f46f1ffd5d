import { api } from '../../api/client.ts';
import type { ServiceListing, UserCancelReply, UserOrder, UserRefillReply } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCount, formatTime, shortId } from '../../lib/format.ts';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';

const REFILLABLE = new Set(['completed', 'partial']);
const CANCELABLE = new Set(['pending', 'processing', 'in_progress']);

interface Props {
  order: UserOrder;
  service: ServiceListing | undefined;
  onChanged(order: UserOrder | null, message: string): void;
}

/** One order; refill/cancel where its service allows them (the server has the last word). */
export function UserOrderRow({ order: o, service, onChanged }: Props) {
  const { busy, error, run } = useAction();
  const canRefill = service?.refill && REFILLABLE.has(o.status);
  const canCancel = service?.cancel && CANCELABLE.has(o.status);

  async function act(kind: 'refill' | 'cancel') {
    const done = await run(async () => {
      const r = await api<UserCancelReply | UserRefillReply>('POST', `/api/user/orders/${o.id}/${kind}`);
      const fresh = await api<{ order: UserOrder }>('GET', `/api/user/orders/${o.id}`);
      return { r, order: fresh.order };
    });
    if (!done) return;
    const { r, order } = done;
    const message =
      kind === 'refill'
        ? 'Refill requested from the provider.'
        : r.status === 'canceled'
          ? `Order canceled, ${formatMoney(r.refunded ?? '0', r.currency)} refunded.`
          : 'Cancel requested: the refund follows when the provider confirms.';
    onChanged(order, message);
  }

  return (
    <tr data-order-id={o.id}>
      <td data-label="Order">
        <OrderNumber number={o.number} />
        <div className="muted small">{formatTime(o.createdAt)}</div>
      </td>
      <td data-label="Service">{service?.name ?? shortId(o.serviceId)}</td>
      <td data-label="Link" className="link-cell">
        <a href={o.link} target="_blank" rel="noopener noreferrer">
          {o.link}
        </a>
      </td>
      <td data-label="Qty">{formatCount(o.quantity)}</td>
      <td data-label="Charge">{formatMoney(o.price, o.currency)}</td>
      <td data-label="Start">{formatCount(o.startCount)}</td>
      <td data-label="Remains">{formatCount(o.remains)}</td>
      <td data-label="Status">
        <StatusBadge status={o.status} />
      </td>
      <td data-label="" className="actions-cell">
        <div className="actions">
          {canRefill && (
            <button type="button" disabled={busy} onClick={() => act('refill')}>
              Refill
            </button>
          )}
          {canCancel && (
            <button type="button" disabled={busy} onClick={() => act('cancel')}>
              Cancel
            </button>
          )}
        </div>
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}
