import { formatPublicNumber } from '@smm/domain/browser';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ServiceListing } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatAverageDuration } from '../../lib/duration.ts';
import { rateUnit } from '../../lib/format.ts';
import { type MessageKey, t } from '../../lib/i18n.ts';
import { exactMoney, formatRate } from '../../lib/money.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useServices } from './useServices.ts';

/** Whether a service matches what was typed: part of its name (any case), or its number (`1000`, `#1000`). */
function matches(s: ServiceListing, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  const digits = /^#?(\d+)$/.exec(q)?.[1];
  if (digits && String(s.number).startsWith(digits)) return true;
  return s.name.toLowerCase().includes(q);
}

/** What a service allows besides ordering it: `data-flag` names it, the tag says it in the chosen language. */
function Flags({ s }: { s: ServiceListing }) {
  const flags = (
    [
      [s.refill, 'Refill', 'services.flag.refill'],
      [s.cancel, 'Cancel', 'services.flag.cancel'],
      [s.dripfeed, 'Drip-feed', 'services.flag.dripfeed'],
    ] as const satisfies readonly (readonly [boolean, string, MessageKey])[]
  ).filter(([on]) => on);
  if (flags.length === 0) return <span className="muted">—</span>;
  return (
    <span className="flags">
      {flags.map(([, flag, label]) => (
        <span key={flag} className="tag" data-flag={flag}>
          {t(label)}
        </span>
      ))}
    </span>
  );
}

/**
 * Every service the customer can order (GET /api/user/services), priced in their currency, with how
 * long our own orders of it took lately; search by name or number, filter by category, and order.
 */
export function ServicesPage() {
  usePageTitle(t('nav.services'));
  const { catalog, error } = useServices();
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const shown = useMemo(
    () =>
      catalog?.services.filter(
        (s) => (categoryId === '' || s.categoryId === categoryId) && matches(s, search),
      ) ?? [],
    [catalog, categoryId, search],
  );
  const filtered = search.trim() !== '' || categoryId !== '';

  return (
    <section className="card wide">
      <div className="heading">
        <h1>{t('nav.services')}</h1>
        <Link to="/user/orders/create" className="button">
          {t('nav.newOrder')}
        </Link>
      </div>
      <div className="filters">
        <label>
          {t('services.search')}{' '}
          <input
            name="search"
            type="search"
            placeholder={t('services.searchHint')}
            autoComplete="off"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label>
          {t('services.category')}{' '}
          <select name="category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('services.allCategories')}</option>
            {catalog?.categories.map((c) => (
              <option key={c.id} value={c.id} translate="no">
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            onClick={() => {
              setSearch('');
              setCategoryId('');
            }}
          >
            {t('common.clear')}
          </button>
        )}
        {catalog && (
          <span className="muted" data-testid="services-count">
            {shown.length === catalog.services.length
              ? t('services.count', { n: catalog.services.length })
              : t('services.countOf', { shown: shown.length, total: catalog.services.length })}
          </span>
        )}
      </div>
      <ErrorNote error={error} />
      {!catalog && !error && <p className="muted">{t('services.loading')}</p>}
      {catalog && (
        <table className="rows services-table" data-testid="services">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('services.col.service')}</th>
              <th>{t('services.col.category')}</th>
              <th className="num">{t('services.col.rate')}</th>
              <th className="num">{t('services.col.minMax')}</th>
              <th>{t('services.col.options')}</th>
              <th title={t('services.col.avgTimeHint')}>{t('services.col.avgTime')}</th>
              <th>
                <span className="sr-only">{t('services.col.order')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id} data-service-id={s.id} data-number={s.number}>
                <td data-label={t('services.col.number')} className="nowrap" data-testid="service-number">
                  {formatPublicNumber(s.number)}
                </td>
                <td data-label={t('services.col.service')} className="service-cell">
                  <strong data-testid="service-name" translate="no">
                    {s.name}
                  </strong>
                  {s.description && (
                    <span className="service-description muted" translate="no">
                      {s.description}
                    </span>
                  )}
                </td>
                <td data-label={t('services.col.category')}>
                  <span translate="no">{s.categoryName}</span>
                </td>
                <td
                  data-label={t('services.col.rate')}
                  className="num nowrap"
                  data-testid="service-rate"
                  title={exactMoney(s.ratePer1000, catalog.currency)}
                >
                  {formatRate(s.ratePer1000, catalog.currency)}{' '}
                  <span className="muted">{rateUnit(s.type)}</span>
                </td>
                <td data-label={t('services.col.minMax')} className="num nowrap">
                  {s.min.toLocaleString()} / {s.max.toLocaleString()}
                </td>
                <td data-label={t('services.col.options')}>
                  <Flags s={s} />
                </td>
                <td
                  data-label={t('services.col.avgTime')}
                  className="nowrap"
                  data-testid="service-average"
                  title={s.avgCompletionSeconds === null ? t('services.noAverage') : undefined}
                >
                  {formatAverageDuration(s.avgCompletionSeconds)}
                </td>
                <td className="actions-cell">
                  <Link
                    to={`/user/orders/create?service=${encodeURIComponent(s.id)}`}
                    className="button"
                    data-testid="order-service"
                  >
                    {t('services.order')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {catalog && shown.length === 0 && (
        <p className="muted" data-testid="no-services">
          {filtered ? t('services.noMatch') : t('services.none')}
        </p>
      )}
    </section>
  );
}
