import {
  CUSTOMER_STATUS_WORD,
  type CustomerStatus,
  customerStatus,
  formatPublicNumber,
  parsePublicNumber,
} from '@smm/domain/browser';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import type { OrderTimeline, UserOrder } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Money } from '../../components/Money.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { Say } from '../../components/Say.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { customerStatusLabel, customerWord, formatCount, formatDateTime } from '../../lib/format.ts';
import { type MessageKey, t } from '../../lib/i18n.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useServices } from './useServices.ts';

/** A cancel request's state in plain words (the order's `cancelStatus`). */
function cancelText(state: string | null): string {
  if (state === null) return t('orderPage.none');
  if (state === 'rejected') return t('orderPage.cancelRefused');
  return t('orderPage.cancelWaiting');
}

const REFILL_WORD: Record<OrderTimeline['refills'][number]['status'], MessageKey> = {
  pending: 'orderPage.refill.pending',
  in_progress: 'orderPage.refill.in_progress',
  completed: 'orderPage.refill.completed',
  rejected: 'orderPage.refill.rejected',
};

/** The timeline's steps the server words (services/gateway/src/use-cases/order-timeline.ts), by their English. */
const EVENT_TEXT: Record<string, MessageKey> = {
  'Order placed': 'orderPage.event.placed',
  'Refunded to your balance': 'orderPage.event.refunded',
  'Cancel requested': 'orderPage.event.cancelRequested',
  'Cancel refused: the order goes on': 'orderPage.event.cancelRefused',
};
const REFILL_EVENT: Record<string, MessageKey> = {
  requested: 'orderPage.event.refill.requested',
  'in progress': 'orderPage.event.refill.inProgress',
  completed: 'orderPage.event.refill.completed',
  refused: 'orderPage.event.refill.refused',
};

/**
 * A step of the timeline in the chosen language. The API words each step in English from a closed
 * set (placed, a status word, refunded, cancel and refill steps); one it does not know is shown as sent.
 */
function eventText(e: { status: string; text: string }): string {
  const key = EVENT_TEXT[e.text];
  if (key) return t(key);
  if (e.text === CUSTOMER_STATUS_WORD[e.status as CustomerStatus])
    return customerWord(e.status as CustomerStatus);
  const refill = /^Refill (#\d+ )?(requested|in progress|completed|refused)$/.exec(e.text);
  const state = refill ? REFILL_EVENT[refill[2]!] : undefined;
  if (refill && state) return t('orderPage.event.refill', { number: refill[1] ?? '', state: t(state) });
  return e.text;
}

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
  usePageTitle(
    number === null ? t('orderPage.notFound') : t('orderPage.title', { number: formatPublicNumber(number) }),
  );

  useEffect(() => {
    if (number === null) return;
    let live = true;
    setLoaded(null);
    setError(null);
    // The timeline first, then the order: read after it, the order's status is at least as new as
    // the timeline's last step (read at once, a change committed between the two showed "Completed"
    // in the timeline beside a status still "Processing").
    api<OrderTimeline>('GET', `/api/user/orders/${number}/timeline`)
      .then(async (timeline) => {
        const o = await api<{ order: UserOrder }>('GET', `/api/user/orders/${number}`);
        if (live) setLoaded({ order: o.order, timeline });
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [number]);

  const missing = number === null || (error instanceof ApiError && error.status === 404);
  if (missing) {
    return (
      <section className="card narrow" data-testid="order-not-found">
        <h1>{t('orderPage.notFound')}</h1>
        <p>{t('orderPage.notYours')}</p>
        <p>
          <Link to="/user/orders">{t('orderPage.back')}</Link>
        </p>
      </section>
    );
  }

  const o = loaded?.order;
  const timeline = loaded?.timeline;
  const service = o ? catalog?.byId.get(o.serviceId) : undefined;
  return (
    <section className="card wide" data-testid="order-detail">
      <div className="heading">
        <h1>
          <Say k="orderPage.heading" parts={{ number: <OrderNumber number={number} copy /> }} />
        </h1>
        <Link to="/user/orders" className="button">
          {t('nav.myOrders')}
        </Link>
      </div>
      <ErrorNote error={error} />
      {!loaded && !error && <p className="muted">{t('common.loading')}</p>}
      {o && timeline && (
        <div className="order-detail">
          <dl className="facts" data-testid="order-facts">
            <dt>{t('orderPage.status')}</dt>
            <dd data-testid="order-status">
              <StatusBadge status={customerStatus(o.status)} label={customerStatusLabel(o.status)} />
            </dd>
            <dt>{t('orderPage.service')}</dt>
            <dd data-testid="order-service">
              {service ? (
                <>
                  <span className="muted">#{service.number}</span> <span translate="no">{service.name}</span>
                </>
              ) : (
                <span className="muted">{t('order.serviceGone')}</span>
              )}
            </dd>
            <dt>{t('orderPage.link')}</dt>
            <dd className="link-cell" translate="no">
              <a href={o.link} target="_blank" rel="noopener noreferrer">
                {o.link}
              </a>
            </dd>
            <dt>{t('orderPage.quantity')}</dt>
            <dd>
              {formatCount(o.quantity)}
              {o.runs !== null &&
                t('orderPage.runs', { runs: formatCount(o.runs), interval: formatCount(o.interval) })}
            </dd>
            <dt>{t('orderPage.charge')}</dt>
            <dd data-testid="order-charge">
              <Money amount={o.price} currency={o.currency} />
            </dd>
            <dt>{t('orderPage.refunded')}</dt>
            <dd data-testid="order-refunded">
              <Money amount={timeline.refunded} currency={timeline.currency} />
            </dd>
            <dt>{t('orderPage.startCount')}</dt>
            <dd>{formatCount(o.startCount)}</dd>
            <dt>{t('orderPage.remains')}</dt>
            <dd>{formatCount(o.remains)}</dd>
            <dt>{t('orderPage.placed')}</dt>
            <dd>{formatDateTime(o.createdAt)}</dd>
            <dt>{t('orderPage.cancelRequest')}</dt>
            <dd data-testid="order-cancel">{cancelText(o.cancelStatus)}</dd>
            <dt>{t('orderPage.refills')}</dt>
            <dd data-testid="order-refills">
              {timeline.refills.length === 0
                ? t('orderPage.none')
                : timeline.refills.map((r) => (
                    <div key={r.number}>
                      {t('orderPage.refill', { number: r.number, state: t(REFILL_WORD[r.status]) })}{' '}
                      <span className="muted small">({formatDateTime(r.createdAt)})</span>
                    </div>
                  ))}
            </dd>
          </dl>
          <div>
            <h2>{t('orderPage.timeline')}</h2>
            <ol className="timeline" data-testid="timeline">
              {timeline.events.map((e) => (
                <li key={`${e.at} ${e.text}`} data-status={e.status}>
                  <time dateTime={e.at} className="muted small">
                    {formatDateTime(e.at)}
                  </time>
                  <span className="timeline-text">
                    {eventText(e)}
                    {e.amount !== null && (
                      <>
                        {': '}
                        <Money amount={e.amount} currency={timeline.currency} />
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
