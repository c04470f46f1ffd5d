import { useCallback, useEffect, useState } from 'react';
import { api, query } from '../../api/client.ts';
import type {
  AdminCategory,
  AdminCategoryList,
  AdminService,
  AdminServiceList,
  BulkStatusReply,
} from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Money } from '../../components/Money.tsx';
import { Notice } from '../../components/Notice.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCount } from '../../lib/format.ts';
import { useAction } from '../../lib/useAction.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ServiceForm } from './ServiceForm.tsx';

const PAGE_SIZE = 100;

/** The catalog as admins keep it: find, edit, and turn many services on or off at once. */
export function AdminServicesPage() {
  usePageTitle('Services');
  const [searchText, setSearchText] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [status, setStatus] = useState('');
  const [categories, setCategories] = useState<AdminCategory[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const search = useDebounced(searchText.trim());

  useEffect(() => {
    api<AdminCategoryList>('GET', '/api/admin/categories').then(
      (r) => setCategories(r.categories),
      () => {},
    );
  }, []);

  const list = usePaged<AdminService>(JSON.stringify({ search, categoryId, status }), async (cursor) => {
    const r = await api<AdminServiceList>(
      'GET',
      `/api/admin/services${query({ search, categoryId, status, cursor, limit: PAGE_SIZE })}`,
    );
    return { items: r.services, nextCursor: r.nextCursor };
  });
  // A new filter is a new list: what was ticked in the old one is not silently acted on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are the reset signal
  useEffect(() => setSelected(new Set()), [search, categoryId, status]);

  const replace = useCallback(
    (s: AdminService) => list.setItems((items) => items.map((x) => (x.id === s.id ? s : x))),
    [list.setItems],
  );

  const toggle = (id: string) =>
    setSelected((sel) => {
      const next = new Set(sel);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShown = list.items.length > 0 && list.items.every((s) => selected.has(s.id));

  const bulk = (to: 'active' | 'inactive') =>
    run(async () => {
      const ids = [...selected];
      const r = await api<BulkStatusReply>('POST', '/api/admin/services/bulk-status', { ids, status: to });
      const changed = new Set(r.changed);
      list.setItems((items) => items.map((s) => (changed.has(s.id) ? { ...s, status: to } : s)));
      setSelected(new Set(r.refused.map((x) => x.id)));
      const word = to === 'active' ? 'enabled' : 'disabled';
      const names = new Map(list.items.map((s) => [s.id, s.name]));
      setNotice(
        `${r.changed.length} ${r.changed.length === 1 ? 'service' : 'services'} ${word}.` +
          (r.refused.length
            ? ` Not changed: ${r.refused.map((x) => `${names.get(x.id) ?? x.id} (${x.message})`).join('; ')}.`
            : ''),
      );
      // Re-read what changed: an enabled service may carry a new reason, a disabled one its admin mark.
      void list.reload();
    });

  return (
    <section className="card wide">
      <div className="heading">
        <h1>Services</h1>
      </div>
      <div className="filters">
        <label>
          Search{' '}
          <input
            name="search"
            type="search"
            placeholder="service name"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </label>
        <label>
          Category{' '}
          <select name="category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">Any</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </select>
        </label>
      </div>
      <div className="bulk-bar" data-testid="bulk-bar">
        <span className="muted small">{selected.size} selected</span>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk('active')}>
          Enable
        </button>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk('inactive')}>
          Disable
        </button>
      </div>
      <Notice>{notice}</Notice>
      <ErrorNote error={error ?? list.error} />
      {editing && (
        <ServiceForm
          key={editing}
          service={list.items.find((s) => s.id === editing) as AdminService}
          categories={categories}
          onCancel={() => setEditing(null)}
          onSaved={(s, changed) => {
            setEditing(null);
            if (changed) replace(s);
            setNotice(changed ? `${s.name} saved.` : `${s.name}: nothing changed.`);
          }}
        />
      )}
      <table className="rows" data-testid="admin-services">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label="select every service shown"
                checked={allShown}
                onChange={() => setSelected(allShown ? new Set() : new Set(list.items.map((s) => s.id)))}
              />
            </th>
            <th>Service</th>
            <th>Category</th>
            <th>Provider</th>
            <th>Rate / 1000</th>
            <th>Min / max</th>
            <th>Status</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((s) => (
            <tr key={s.id} data-service-id={s.id} data-status={s.status}>
              <td data-label="Select">
                <input
                  type="checkbox"
                  aria-label={`select ${s.name}`}
                  checked={selected.has(s.id)}
                  onChange={() => toggle(s.id)}
                />
              </td>
              <td data-label="Service">
                {s.name} <span className="muted small">({s.mode})</span>
              </td>
              <td data-label="Category">{s.categoryName}</td>
              <td data-label="Provider">
                {s.providerName ?? '—'}
                {s.providerServiceId && <div className="muted small">#{s.providerServiceId}</div>}
              </td>
              <td data-label="Rate / 1000">
                {s.rate !== null && <Money amount={s.rate} currency="BDT" />}
                {s.rate !== null && s.rateUSD !== null && <br />}
                {s.rateUSD !== null && <Money amount={s.rateUSD} currency="USD" />}
              </td>
              <td data-label="Min / max">
                {formatCount(s.minOrder)} / {formatCount(s.maxOrder)}
              </td>
              <td data-label="Status">
                <StatusBadge status={s.status} label={s.status === 'active' ? 'Active' : 'Inactive'} />
                {s.statusReason && <div className="muted small">{s.statusReason}</div>}
              </td>
              <td data-label="Actions">
                <button type="button" onClick={() => setEditing(s.id)}>
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && <p className="muted">No services match.</p>}
      {list.loading && <p className="muted">Loading…</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className="more" onClick={() => list.more()}>
          Load more
        </button>
      )}
    </section>
  );
}
