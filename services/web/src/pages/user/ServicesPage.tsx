import { formatPublicNumber, isPackageService } from '@smm/domain/browser';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ServiceListing } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatAverageDuration } from '../../lib/duration.ts';
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

/** What a service allows besides ordering it. */
function Flags({ s }: { s: ServiceListing }) {
  const flags = [s.refill && 'Refill', s.cancel && 'Cancel', s.dripfeed && 'Drip-feed'].filter(
    (f): f is string => Boolean(f),
  );
  if (flags.length === 0) return <span className="muted">—</span>;
  return (
    <span className="flags">
      {flags.map((f) => (
        <span key={f} className="tag" data-flag={f}>
          {f}
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
  usePageTitle('Services');
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
        <h1>Services</h1>
        <Link to="/user/orders/create" className="button">
          New order
        </Link>
      </div>
      <div className="filters">
        <label>
          Search{' '}
          <input
            name="search"
            type="search"
            placeholder="Name or number"
            autoComplete="off"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label>
          Category{' '}
          <select name="category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">All categories</option>
            {catalog?.categories.map((c) => (
              <option key={c.id} value={c.id}>
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
            Clear
          </button>
        )}
        {catalog && (
          <span className="muted" data-testid="services-count">
            {shown.length === catalog.services.length
              ? `${catalog.services.length} services`
              : `${shown.length} of ${catalog.services.length} services`}
          </span>
        )}
      </div>
      <ErrorNote error={error} />
      {!catalog && !error && <p className="muted">Loading services…</p>}
      {catalog && (
        <table className="rows services-table" data-testid="services">
          <thead>
            <tr>
              <th>#</th>
              <th>Service</th>
              <th>Category</th>
              <th className="num">Rate</th>
              <th className="num">Min / max</th>
              <th>Options</th>
              <th title="the average time our orders of it took to complete over the last 30 days">
                Avg. time
              </th>
              <th>
                <span className="sr-only">Order</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id} data-service-id={s.id} data-number={s.number}>
                <td data-label="Number" className="nowrap" data-testid="service-number">
                  {formatPublicNumber(s.number)}
                </td>
                <td data-label="Service" className="service-cell">
                  <strong data-testid="service-name">{s.name}</strong>
                  {s.description && <span className="service-description muted">{s.description}</span>}
                </td>
                <td data-label="Category">{s.categoryName}</td>
                <td
                  data-label="Rate"
                  className="num nowrap"
                  data-testid="service-rate"
                  title={exactMoney(s.ratePer1000, catalog.currency)}
                >
                  {formatRate(s.ratePer1000, catalog.currency)}{' '}
                  <span className="muted">{isPackageService(s.type) ? 'per order' : 'per 1000'}</span>
                </td>
                <td data-label="Min / max" className="num nowrap">
                  {s.min.toLocaleString()} / {s.max.toLocaleString()}
                </td>
                <td data-label="Options">
                  <Flags s={s} />
                </td>
                <td
                  data-label="Avg. time"
                  className="nowrap"
                  data-testid="service-average"
                  title={
                    s.avgCompletionSeconds === null
                      ? 'no order of it completed in the last 30 days'
                      : undefined
                  }
                >
                  {formatAverageDuration(s.avgCompletionSeconds)}
                </td>
                <td className="actions-cell">
                  <Link
                    to={`/user/orders/create?service=${encodeURIComponent(s.id)}`}
                    className="button"
                    data-testid="order-service"
                  >
                    Order
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {catalog && shown.length === 0 && (
        <p className="muted" data-testid="no-services">
          {filtered ? 'No service matches.' : 'No service is on sale right now.'}
        </p>
      )}
    </section>
  );
}
