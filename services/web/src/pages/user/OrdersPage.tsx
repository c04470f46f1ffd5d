import {
  CUSTOMER_STATUSES,
  type CustomerStatus,
  customerStatus,
  isTerminal,
  type OrderStatus,
} from '@smm/domain/browser';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import type { UserOrder, UserOrderPage } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { StatusTabs } from '../../components/StatusTabs.tsx';
import { customerWord } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { useOrderWatch } from '../../lib/useOrderWatch.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../../session/context.ts';
import { UserOrderRow } from './UserOrderRow.tsx';
import { useServices } from './useServices.ts';

const PAGE_SIZE = 20;

type Counts = Record<CustomerStatus, number>;

export function OrdersPage() {
  const { refresh } = useSession();
  const [status, setStatus] = useState<CustomerStatus | ''>('');
  const [searchText, setSearchText] = useState('');
  const [counts, setCounts] = useState<Counts | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { catalog } = useServices();
  usePageTitle(t('orders.title'));
  // "#23501" is how numbers are quoted; the API takes the digits.
  const search = useDebounced(searchText.trim().replace(/^#(?=\d+$)/, ''));
  const list = usePaged<UserOrder>(JSON.stringify({ status, search }), async (cursor) => {
    const r = await api<UserOrderPage>(
      'GET',
      `/api/user/orders${query({ status, search, cursor, limit: PAGE_SIZE })}`,
    );
    setCounts(r.counts as Counts);
    return { items: r.orders, nextCursor: r.nextCursor };
  });
  // Once per order, whatever a page boundary did.
  const orders = useMemo(() => [...new Map(list.items.map((o) => [o.id, o])).values()], [list.items]);

  /** A newer state of a shown order: the row changes, and the tab counts move with it. */
  const shownRef = useRef(list.items);
  shownRef.current = list.items;
  const update = useCallback(
    (order: UserOrder) => {
      const before = shownRef.current.find((o) => o.id === order.id);
      if (!before) return;
      const from = customerStatus(before.status as OrderStatus);
      const to = customerStatus(order.status as OrderStatus);
      if (from !== to) setCounts((c) => (c ? { ...c, [from]: c[from] - 1, [to]: c[to] + 1 } : c));
      // Seen now: a second event for the same change (stream and action both) moves nothing twice.
      shownRef.current = shownRef.current.map((o) => (o.id === order.id ? order : o));
      list.setItems((items) => items.map((o) => (o.id === order.id ? order : o)));
    },
    [list.setItems],
  );
  const liveIds = orders.filter((o) => !isTerminal(o.status as OrderStatus)).map((o) => o.id);
  const watching = useOrderWatch(liveIds, update);

  function replaced(order: UserOrder | null, message: string) {
    setNotice(message);
    if (order) update(order);
    void refresh();
  }

  const total = counts ? CUSTOMER_STATUSES.reduce((n, s) => n + counts[s], 0) : 0;
  const tabs = [
    { value: '', label: t('orders.all'), count: total },
    ...CUSTOMER_STATUSES.map((s) => ({ value: s, label: customerWord(s), count: counts?.[s] ?? 0 })),
  ];

  return (
    <section className="card wide" data-live={watching}>
      <div className="heading">
        <h1>{t('orders.title')}</h1>
        <Link to="/user/orders/create" className="button">
          {t('orders.new')}
        </Link>
      </div>
      <StatusTabs
        label={t('orders.tabs')}
        tabs={tabs}
        value={status}
        onChange={(v) => setStatus(v as CustomerStatus | '')}
      />
      <div className="filters">
        <label>
          {t('orders.search')}{' '}
          <input
            name="search"
            type="search"
            placeholder={t('orders.searchHint')}
            autoComplete="off"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </label>
        <button type="button" onClick={() => list.reload()} disabled={list.loading}>
          {t('orders.refresh')}
        </button>
        {watching !== 'off' && (
          <span className="muted small" data-testid="live-note">
            {t('orders.live')}
          </span>
        )}
      </div>
      <Notice>{notice}</Notice>
      <ErrorNote error={list.error} />
      <table className="rows" data-testid="orders">
        <thead>
          <tr>
            <th>{t('orders.col.order')}</th>
            <th>{t('orders.col.service')}</th>
            <th>{t('orders.col.link')}</th>
            <th>{t('orders.col.qty')}</th>
            <th>{t('orders.col.charge')}</th>
            <th>{t('orders.col.start')}</th>
            <th>{t('orders.col.remains')}</th>
            <th>{t('orders.col.status')}</th>
            <th>
              <span className="sr-only">{t('orders.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <UserOrderRow
              key={o.id}
              order={o}
              service={catalog?.byId.get(o.serviceId)}
              onChanged={replaced}
            />
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && (
        <p className="muted" data-testid="no-orders">
          {search
            ? t('orders.noMatch', { search })
            : status
              ? t('orders.noneIn', { status: customerWord(status).toLowerCase() })
              : t('orders.none')}
        </p>
      )}
      {list.loading && <p className="muted">{t('orders.loading')}</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className="more" onClick={() => list.more()}>
          {t('orders.more')}
        </button>
      )}
    </section>
  );
}
