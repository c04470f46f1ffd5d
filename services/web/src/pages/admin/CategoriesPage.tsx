import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminCategory, AdminCategoryList } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { t } from '../../lib/i18n.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useAdminProblems } from './problems.ts';
import { counted, LabelWord, labelledBy, said } from './words.tsx';

type Draft = { name: string; description: string; sortOrder: string; status: 'active' | 'inactive' };

const draftOf = (c: AdminCategory): Draft => ({
  name: c.name,
  description: c.description ?? '',
  sortOrder: String(c.sortOrder),
  status: c.status,
});

const CATEGORY_FIELDS = ['name', 'description', 'sortOrder', 'status'] as const;
type CategoryField = (typeof CATEGORY_FIELDS)[number];
const NEW_FIELDS: readonly CategoryField[] = ['name'];
const NO_FIELDS: readonly CategoryField[] = [];

/** A whole number as typed, or the text for the server to name the field. */
const whole = (v: string): number => (/^-?\d+$/.test(v.trim()) ? Number(v.trim()) : (v.trim() as never));

/** Categories in the order customers see them; each editable in its row, many on or off at once. */
export function CategoriesPage() {
  usePageTitle(t('admin.cats.title'));
  const [categories, setCategories] = useState<AdminCategory[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [newName, setNewName] = useState('');
  const [notice, setNotice] = useState<ReactNode>(null);
  const { busy, error, run } = useAction();
  // Whose refusal the error is: the new category's, a row's (its id), or the list's (null).
  const [errorAt, setErrorAt] = useState<string | null>(null);
  // The fields a refusal is put on: the new name, or the row saved; the list's own are said for it all.
  const problems = useAdminProblems(
    error,
    errorAt === null ? NO_FIELDS : errorAt === 'new' ? NEW_FIELDS : CATEGORY_FIELDS,
  );
  const problemAt = (at: string, field: CategoryField) =>
    errorAt === at && problems.fields[field] ? (
      <span className="field-error">{problems.fields[field]}</span>
    ) : null;

  const reload = useCallback(async () => {
    const r = await api<AdminCategoryList>('GET', '/api/admin/categories');
    setCategories(r.categories);
  }, []);
  useEffect(() => {
    void run(reload);
  }, [run, reload]);

  const edit = (id: string, patch: Partial<Draft>) => {
    const c = categories?.find((x) => x.id === id);
    if (!c) return;
    setDrafts((d) => ({ ...d, [id]: { ...(d[id] ?? draftOf(c)), ...patch } }));
    if (errorAt === id) for (const f of Object.keys(patch)) problems.changed(f as CategoryField);
  };

  const save = (c: AdminCategory) => {
    setErrorAt(c.id);
    return run(async () => {
      const d = drafts[c.id];
      if (!d) return;
      const body: Record<string, unknown> = {};
      if (d.name.trim() !== c.name) body.name = d.name.trim();
      if (d.description.trim() !== (c.description ?? '')) body.description = d.description.trim() || null;
      if (d.sortOrder.trim() !== String(c.sortOrder)) body.sortOrder = whole(d.sortOrder);
      if (d.status !== c.status) body.status = d.status;
      if (Object.keys(body).length > 0) await api('PATCH', `/api/admin/categories/${c.id}`, body);
      setDrafts(({ [c.id]: _saved, ...rest }) => rest);
      await reload();
      setNotice(
        Object.keys(body).length > 0
          ? said('admin.saved', { name: d.name.trim() })
          : said('admin.unchanged', { name: c.name }),
      );
    });
  };

  const bulk = (status: 'active' | 'inactive') => {
    setErrorAt(null);
    return run(async () => {
      const ids = [...selected];
      // Categories are few: one PATCH each, and each refusal is the server's own.
      for (const id of ids) await api('PATCH', `/api/admin/categories/${id}`, { status });
      setSelected(new Set());
      await reload();
      setNotice(
        status === 'active'
          ? counted(ids.length, 'admin.cats.enabled.one', 'admin.cats.enabled.other')
          : counted(ids.length, 'admin.cats.disabled.one', 'admin.cats.disabled.other'),
      );
    });
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    setErrorAt('new');
    void run(async () => {
      const sortOrder = categories?.length ? Math.max(...categories.map((c) => c.sortOrder)) + 1 : 0;
      await api('POST', '/api/admin/categories', { name: newName.trim(), sortOrder });
      setNotice(said('admin.added', { name: newName.trim() }));
      setNewName('');
      await reload();
    });
  };

  return (
    <section className="card wide">
      <div className="heading">
        <h1>{t('admin.cats.title')}</h1>
      </div>
      <form className="inline" onSubmit={add} noValidate>
        <input
          aria-label={t('admin.cats.newName')}
          placeholder={t('admin.cats.newHint')}
          value={newName}
          onChange={(e) => {
            setNewName(e.target.value);
            if (errorAt === 'new') problems.changed('name');
          }}
        />
        <button type="submit" disabled={busy || newName.trim() === ''}>
          {t('admin.cats.add')}
        </button>
        {problemAt('new', 'name')}
      </form>
      <div className="bulk-bar">
        <span className="muted small">{t('admin.selected', { n: selected.size })}</span>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk('active')}>
          {t('admin.enable')}
        </button>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk('inactive')}>
          {t('admin.disable')}
        </button>
      </div>
      <Notice>{notice}</Notice>
      <ErrorNote error={error} text={problems.form} />
      <LabelWord id="select-category-word" k="admin.cats.select" />
      <table className="rows" data-testid="admin-categories">
        <thead>
          <tr>
            <th>
              <span className="sr-only">{t('admin.cats.col.select')}</span>
            </th>
            <th>{t('admin.cats.col.name')}</th>
            <th>{t('admin.cats.col.description')}</th>
            <th>{t('admin.cats.col.order')}</th>
            <th>{t('admin.cats.col.status')}</th>
            <th>{t('admin.cats.col.services')}</th>
            <th>
              <span className="sr-only">{t('admin.cats.col.save')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {categories?.map((c) => {
            const d = drafts[c.id] ?? draftOf(c);
            return (
              <tr key={c.id} data-category-id={c.id} data-status={c.status}>
                <td data-label={t('admin.cats.col.select')}>
                  <span id={`category-name-${c.id}`} hidden translate="no">
                    {c.name}
                  </span>
                  <input
                    type="checkbox"
                    aria-labelledby={labelledBy(
                      'admin.cats.select',
                      'select-category-word',
                      `category-name-${c.id}`,
                    )}
                    checked={selected.has(c.id)}
                    onChange={() =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (next.has(c.id)) next.delete(c.id);
                        else next.add(c.id);
                        return next;
                      })
                    }
                  />
                </td>
                <td data-label={t('admin.cats.col.name')}>
                  <input
                    aria-label={t('admin.cats.name')}
                    value={d.name}
                    onChange={(e) => edit(c.id, { name: e.target.value })}
                  />
                  {problemAt(c.id, 'name')}
                </td>
                <td data-label={t('admin.cats.col.description')}>
                  <input
                    aria-label={t('admin.cats.description')}
                    value={d.description}
                    onChange={(e) => edit(c.id, { description: e.target.value })}
                  />
                  {problemAt(c.id, 'description')}
                </td>
                <td data-label={t('admin.cats.col.order')}>
                  <input
                    aria-label={t('admin.cats.sortOrder')}
                    inputMode="numeric"
                    className="narrow"
                    value={d.sortOrder}
                    onChange={(e) => edit(c.id, { sortOrder: e.target.value })}
                  />
                  {problemAt(c.id, 'sortOrder')}
                </td>
                <td data-label={t('admin.cats.col.status')}>
                  <select
                    aria-label={t('admin.cats.status')}
                    value={d.status}
                    onChange={(e) => edit(c.id, { status: e.target.value as Draft['status'] })}
                  >
                    <option value="active">{t('admin.active')}</option>
                    <option value="inactive">{t('admin.inactive')}</option>
                  </select>{' '}
                  <StatusBadge
                    status={c.status}
                    label={c.status === 'active' ? t('admin.active') : t('admin.inactive')}
                  />
                  {problemAt(c.id, 'status')}
                </td>
                <td data-label={t('admin.cats.col.services')}>{c.servicesCount}</td>
                <td data-label={t('admin.cats.col.save')}>
                  <button type="button" disabled={busy || !drafts[c.id]} onClick={() => save(c)}>
                    {t('admin.save')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
