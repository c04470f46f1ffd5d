import { type ReactNode, useCallback, useEffect, useState } from 'react';
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
import { t } from '../../lib/i18n.ts';
import { formatRate } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ServiceForm } from './ServiceForm.tsx';
import { counted, LabelWord, labelledBy, modeWord, said } from './words.tsx';

const PAGE_SIZE = 100;

/** What saving said: the rates the server set for a markup (the page computes no price). */
function savedNotice(s: AdminService, changed: boolean, markup?: string): ReactNode {
  if (!changed) return said('admin.unchanged', { name: s.name });
  if (markup === undefined) return said('admin.saved', { name: s.name });
  const rates = [
    s.rateUSD !== null ? `${formatRate(s.rateUSD, 'USD')} / 1000` : null,
    s.rate !== null ? `${formatRate(s.rate, 'BDT')} / 1000` : null,
  ].filter(Boolean);
  return said('admin.svcs.savedMarkup', { name: s.name, rates: rates.join(' · '), markup: `${markup}%` });
}

/** The catalog as admins keep it: find, edit, and turn many services on or off at once. */
export function AdminServicesPage() {
  usePageTitle(t('admin.svcs.title'));
  const [searchText, setSearchText] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [status, setStatus] = useState('');
  const [categories, setCategories] = useState<AdminCategory[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
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
      const names = new Map(list.items.map((s) => [s.id, s.name]));
      const n = r.changed.length;
      setNotice(
        <>
          {to === 'active'
            ? counted(n, 'admin.svcs.enabled.one', 'admin.svcs.enabled.other')
            : counted(n, 'admin.svcs.disabled.one', 'admin.svcs.disabled.other')}
          {r.refused.length > 0 && (
            <>
              {' '}
              {said('admin.svcs.notChanged', {
                list: r.refused.map((x) => `${names.get(x.id) ?? x.id} (${x.message})`).join('; '),
              })}
            </>
          )}
        </>,
      );
      // Re-read what changed: an enabled service may carry a new reason, a disabled one its admin mark.
      void list.reload();
    });

  return (
    <section className="card wide">
      <div className="heading">
        <h1>{t('admin.svcs.title')}</h1>
      </div>
      <div className="filters">
        <label>
          {t('admin.svcs.search')}{' '}
          <input
            name="search"
            type="search"
            placeholder={t('admin.svcs.searchHint')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </label>
        <label>
          {t('admin.svcs.category')}{' '}
          <select name="category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('admin.any')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id} translate="no">
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.svcs.status')}{' '}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('admin.any')}</option>
            <option value="active">{t('admin.active')}</option>
            <option value="inactive">{t('admin.inactive')}</option>
          </select>
        </label>
      </div>
      <div className="bulk-bar" data-testid="bulk-bar">
        <span className="muted small">{t('admin.selected', { n: selected.size })}</span>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk('active')}>
          {t('admin.enable')}
        </button>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk('inactive')}>
          {t('admin.disable')}
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
          onSaved={(s, changed, markup) => {
            setEditing(null);
            if (changed) replace(s);
            setNotice(savedNotice(s, changed, markup));
          }}
        />
      )}
      <LabelWord id="select-service-word" k="admin.svcs.select" />
      <table className="rows" data-testid="admin-services">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label={t('admin.svcs.selectAll')}
                checked={allShown}
                onChange={() => setSelected(allShown ? new Set() : new Set(list.items.map((s) => s.id)))}
              />
            </th>
            <th>{t('admin.svcs.col.service')}</th>
            <th>{t('admin.svcs.col.category')}</th>
            <th>{t('admin.svcs.col.provider')}</th>
            <th>{t('admin.svcs.col.rate')}</th>
            <th>{t('admin.svcs.col.minMax')}</th>
            <th>{t('admin.svcs.col.status')}</th>
            <th>
              <span className="sr-only">{t('admin.svcs.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((s) => (
            <tr key={s.id} data-service-id={s.id} data-status={s.status}>
              <td data-label={t('admin.svcs.col.select')}>
                <input
                  type="checkbox"
                  aria-labelledby={labelledBy(
                    'admin.svcs.select',
                    'select-service-word',
                    `service-name-${s.id}`,
                  )}
                  checked={selected.has(s.id)}
                  onChange={() => toggle(s.id)}
                />
              </td>
              <td data-label={t('admin.svcs.col.service')}>
                <span translate="no" id={`service-name-${s.id}`}>
                  {s.name}
                </span>{' '}
                <span className="muted small">({modeWord(s.mode)})</span>
              </td>
              <td data-label={t('admin.svcs.col.category')} translate="no">
                {s.categoryName}
              </td>
              <td data-label={t('admin.svcs.col.provider')} translate="no">
                {s.providerName ?? '—'}
                {s.providerServiceId && <div className="muted small">#{s.providerServiceId}</div>}
              </td>
              <td data-label={t('admin.svcs.col.rate')} translate="no">
                {s.rate !== null && <Money amount={s.rate} currency="BDT" />}
                {s.rate !== null && s.rateUSD !== null && <br />}
                {s.rateUSD !== null && <Money amount={s.rateUSD} currency="USD" />}
              </td>
              <td data-label={t('admin.svcs.col.minMax')}>
                {formatCount(s.minOrder)} / {formatCount(s.maxOrder)}
              </td>
              <td data-label={t('admin.svcs.col.status')}>
                <StatusBadge
                  status={s.status}
                  label={s.status === 'active' ? t('admin.active') : t('admin.inactive')}
                />
                {s.statusReason && (
                  <div className="muted small" translate="no">
                    {s.statusReason}
                  </div>
                )}
              </td>
              <td data-label={t('admin.svcs.col.actions')}>
                <button type="button" onClick={() => setEditing(s.id)}>
                  {t('admin.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && <p className="muted">{t('admin.svcs.none')}</p>}
      {list.loading && <p className="muted">{t('admin.loading')}</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className="more" onClick={() => list.more()}>
          {t('admin.more')}
        </button>
      )}
    </section>
  );
}
