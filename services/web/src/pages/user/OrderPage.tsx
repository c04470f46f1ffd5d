import { customerStatus, formatPublicNumber, parsePublicNumber } from '@smm/domain/browser';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import type { OrderTimeline, UserOrder } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Money } from '../../components/Money.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { customerStatusLabel, formatCount, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useServices } from './useServices.ts';

/** A cancel request's state in plain words (the order's `cancelStatus`). */
function cancelText(state: string | null): string {
  if (state === null) return 'None';
  if (state === 'rejected') return 'Refused: the order goes on';
  return 'Requested, waiting for an answer';
}

const REFILL_WORD: Record<OrderTimeline['refills'][number]['status'], string> = {
  pending: 'Requested',
  in_progress: 'In progress',
  completed: 'Completed',
  rejected: 'Refused',
};

interface Loaded {
  order: UserOrder;
  timeline: OrderTimeline;
}

/** `/user/orders/:number`: one of the customer's orders with its facts and the timeline of its steps. */
export function OrderPage() {
  const params = useParams();
  const number = parsePublicNumber(params.number);
  const { catalog } = useServices();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(number === null ? 'Order not found' : `Order ${formatPublicNumber(number)}`);

  useEffect(() => {
    if (number === null) return;
    let live = true;
    setLoaded(null);
    setError(null);
    Promise.all([
      api<{ order: UserOrder }>('GET', `/api/user/orders/${number}`),
      api<OrderTimeline>('GET', `/api/user/orders/${number}/timeline`),
    ]).then(
      ([o, timeline]) => live && setLoaded({ order: o.order, timeline }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [number]);

  const missing = number === null || (error instanceof ApiError && error.status === 404);
  if (missing) {
    return (
      <section className="card narrow" data-testid="order-not-found">
        <h1>Order not found</h1>
        <p>There is no such order among yours.</p>
        <p>
          <Link to="/user/orders">Back to my orders</Link>
        </p>
      </section>
    );
  }

  const o = loaded?.order;
  const t = loaded?.timeline;
  const service = o ? catalog?.byId.get(o.serviceId) : undefined;
  return (
    <section className="card wide" data-testid="order-detail">
      <div className="heading">
        <h1>
          Order <OrderNumber number={number} copy />
        </h1>
        <Link to="/user/orders" className="button">
          My orders
        </Link>
      </div>
      <ErrorNote error={error} />
      {!loaded && !error && <p className="muted">Loading…</p>}
      {o && t && (
        <div className="order-detail">
          <dl className="facts" data-testid="order-facts">
            <dt>Status</dt>
            <dd data-testid="order-status">
              <StatusBadge status={customerStatus(o.status)} label={customerStatusLabel(o.status)} />
            </dd>
            <dt>Service</dt>
            <dd data-testid="order-service">
              {service ? (
                <>
                  <span className="muted">#{service.number}</span> {service.name}
                </>
              ) : (
                <span className="muted">a service no longer offered</span>
              )}
            </dd>
            <dt>Link</dt>
            <dd className="link-cell">
              <a href={o.link} target="_blank" rel="noopener noreferrer">
                {o.link}
              </a>
            </dd>
            <dt>Quantity</dt>
            <dd>
              {formatCount(o.quantity)}
              {o.runs !== null && ` × ${formatCount(o.runs)} runs, every ${formatCount(o.interval)} min`}
            </dd>
            <dt>Charge</dt>
            <dd data-testid="order-charge">
              <Money amount={o.price} currency={o.currency} />
            </dd>
            <dt>Refunded</dt>
            <dd data-testid="order-refunded">
              <Money amount={t.refunded} currency={t.currency} />
            </dd>
            <dt>Start count</dt>
            <dd>{formatCount(o.startCount)}</dd>
            <dt>Remains</dt>
            <dd>{formatCount(o.remains)}</dd>
            <dt>Placed</dt>
            <dd>{formatDateTime(o.createdAt)}</dd>
            <dt>Cancel request</dt>
            <dd data-testid="order-cancel">{cancelText(o.cancelStatus)}</dd>
            <dt>Refills</dt>
            <dd data-testid="order-refills">
              {t.refills.length === 0
                ? 'None'
                : t.refills.map((r) => (
                    <div key={r.number}>
                      Refill #{r.number}: {REFILL_WORD[r.status]}{' '}
                      <span className="muted small">({formatDateTime(r.createdAt)})</span>
                    </div>
                  ))}
            </dd>
          </dl>
          <div>
            <h2>Timeline</h2>
            <ol className="timeline" data-testid="timeline">
              {t.events.map((e) => (
                <li key={`${e.at} ${e.text}`} data-status={e.status}>
                  <time dateTime={e.at} className="muted small">
                    {formatDateTime(e.at)}
                  </time>
                  <span className="timeline-text">
                    {e.text}
                    {e.amount !== null && (
                      <>
                        {': '}
                        <Money amount={e.amount} currency={t.currency} />
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}
