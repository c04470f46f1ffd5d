import { formatPublicNumber, parsePublicNumber } from '@smm/domain/browser';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, query } from '../../api/client.ts';
import { type AdminOrder, type AdminOrderList, type AdminUser, ORDER_STATUSES } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { StatusTabs } from '../../components/StatusTabs.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { t } from '../../lib/i18n.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AdminOrderRow } from './AdminOrderRow.tsx';
import { useProviders } from './useProviders.ts';
import { orderStatusWord, said } from './words.tsx';

const PAGE_SIZE = 50;

export function AdminOrdersPage() {
  const [params] = useSearchParams();
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [providerId, setProviderId] = useState('');
  const [user, setUser] = useState<AdminUser | null>(null);
  const [manual, setManual] = useState(params.get('manual') ?? '');
  const [link, setLink] = useState('');
  const [numberText, setNumberText] = useState(params.get('number') ?? '');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [notice, setNotice] = useState<ReactNode>(null);
  const { providers } = useProviders();
  usePageTitle(t('admin.orders.title'));

  // People paste numbers as they are quoted: "#23501" means 23501.
  const typedNumber = numberText.trim().replace(/^#/, '');
  const number = typedNumber === '' ? null : parsePublicNumber(typedNumber);
  const noSuchNumber = typedNumber !== '' && number === null;
  const filters = {
    number,
    providerId,
    userId: user?.id,
    isManual: manual,
    link: link.trim(),
    from: dayStart(fromDay),
    to: dayStart(toDay, 1),
  };
  const key = JSON.stringify({ status, noSuchNumber, ...filters });
  const narrowed =
    status !== '' ||
    providerId !== '' ||
    user !== null ||
    manual !== '' ||
    link.trim() !== '' ||
    fromDay !== '' ||
    toDay !== '';
  const list = usePaged<AdminOrder>(key, async (cursor) => {
    // Text that is no order number matches no order: asking the API would only get a 400.
    if (noSuchNumber) {
      setCounts({});
      return { items: [], nextCursor: null };
    }
    const r = await api<AdminOrderList>(
      'GET',
      `/api/admin/orders${query({ ...filters, status, cursor, limit: PAGE_SIZE })}`,
    );
    setCounts(r.counts);
    return { items: r.orders, nextCursor: r.nextCursor };
  });

  // Counts under the current filters (after a row action moved an order between tabs).
  const noSuchNumberRef = useRef(noSuchNumber);
  noSuchNumberRef.current = noSuchNumber;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const refreshCounts = useCallback(async () => {
    if (noSuchNumberRef.current) return;
    const r = await api<AdminOrderList>(
      'GET',
      `/api/admin/orders${query({ ...filtersRef.current, limit: 1 })}`,
    );
    setCounts(r.counts);
  }, []);

  const changed = useCallback(
    (order: AdminOrder, message: ReactNode) => {
      setNotice(message);
      list.setItems((items) => items.map((o) => (o.id === order.id ? order : o)));
      void refreshCounts().catch(() => {});
    },
    [list.setItems, refreshCounts],
  );

  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  return (
    <section className="card wide">
      <div className="heading">
        <h1>{t('admin.orders.title')}</h1>
        <button type="button" onClick={() => list.reload()} disabled={list.loading}>
          {t('admin.refresh')}
        </button>
      </div>
      <StatusTabs
        label={t('admin.orders.tabs')}
        value={status}
        onChange={setStatus}
        tabs={[
          { value: '', label: t('admin.all'), count: total },
          ...ORDER_STATUSES.map((s) => ({
            value: s,
            label: orderStatusWord(s),
            count: counts[s] ?? 0,
            alert: s === 'needs_review' && (counts[s] ?? 0) > 0,
          })),
        ]}
      />
      <div className="filters">
        <label>
          {t('admin.orders.number')}{' '}
          <input
            name="number"
            type="search"
            inputMode="numeric"
            placeholder="23501"
            autoComplete="off"
            className="number-search"
            value={numberText}
            onChange={(e) => setNumberText(e.target.value)}
          />
        </label>
        <label>
          {t('admin.orders.provider')}{' '}
          <select name="provider" value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            <option value="">{t('admin.any')}</option>
            {providers?.map((p) => (
              <option key={p.id} value={p.id} translate="no">
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.orders.manual')}{' '}
          <select name="manual" value={manual} onChange={(e) => setManual(e.target.value)}>
            <option value="">{t('admin.any')}</option>
            <option value="true">{t('admin.orders.manualOnly')}</option>
            <option value="false">{t('admin.orders.customerOnly')}</option>
          </select>
        </label>
        <label>
          {t('admin.orders.link')}{' '}
          <input name="link" type="search" value={link} onChange={(e) => setLink(e.target.value)} />
        </label>
        <UserPicker value={user} onChange={setUser} label={t('admin.orders.user')} />
        <label>
          {t('admin.orders.from')}{' '}
          <input name="from" type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        </label>
        <label>
          {t('admin.orders.to')}{' '}
          <input name="to" type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} />
        </label>
      </div>
      <Notice>{notice}</Notice>
      <ErrorNote error={list.error} />
      <table className="rows" data-testid="admin-orders">
        <thead>
          <tr>
            <th>{t('admin.orders.col.order')}</th>
            <th>{t('admin.orders.col.user')}</th>
            <th>{t('admin.orders.col.service')}</th>
            <th>{t('admin.orders.col.link')}</th>
            <th>{t('admin.orders.col.qty')}</th>
            <th>{t('admin.orders.col.charge')}</th>
            <th>{t('admin.orders.col.provider')}</th>
            <th>{t('admin.orders.col.startRemains')}</th>
            <th>{t('admin.orders.col.status')}</th>
            <th>{t('admin.orders.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((o) => (
            <AdminOrderRow key={o.id} order={o} providers={providers ?? []} onChanged={changed} />
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && (
        <p className="muted" data-testid="no-orders">
          {noMatch(typedNumber, number, narrowed)}
        </p>
      )}
      {list.loading && <p className="muted">{t('admin.loading')}</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className="more" onClick={() => list.more()}>
          {t('admin.more')}
        </button>
      )}
    </section>
  );
}

/** Midnight (the browser's time zone) of a `yyyy-mm-dd` day, `plusDays` later, as the API's ISO bound. */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
}

/** Why the list is empty, in the words of what was searched for. */
function noMatch(typed: string, number: number | null, narrowed: boolean): ReactNode {
  if (typed !== '' && number === null) return said('admin.orders.notANumber', { typed });
  if (number === null) return t('admin.orders.noMatch');
  const n = formatPublicNumber(number);
  return said(narrowed ? 'admin.orders.noNumberHere' : 'admin.orders.noNumber', { number: n });
}
