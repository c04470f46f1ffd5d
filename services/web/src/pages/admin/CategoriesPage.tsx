import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminCategory, AdminCategoryList } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

type Draft = { name: string; description: string; sortOrder: string; status: 'active' | 'inactive' };

const draftOf = (c: AdminCategory): Draft => ({
  name: c.name,
  description: c.description ?? '',
  sortOrder: String(c.sortOrder),
  status: c.status,
});

/** A whole number as typed, or the text for the server to name the field. */
const whole = (v: string): number => (/^-?\d+$/.test(v.trim()) ? Number(v.trim()) : (v.trim() as never));

/** Categories in the order customers see them; each editable in its row, many on or off at once. */
export function CategoriesPage() {
  usePageTitle('Categories');
  const [categories, setCategories] = useState<AdminCategory[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [newName, setNewName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

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
    setError(null);
  };

  const save = (c: AdminCategory) =>
    run(async () => {
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
      setNotice(Object.keys(body).length > 0 ? `${d.name.trim()} saved.` : `${c.name}: nothing changed.`);
    });

  const bulk = (status: 'active' | 'inactive') =>
    run(async () => {
      const ids = [...selected];
      // Categories are few: one PATCH each, and each refusal is the server's own.
      for (const id of ids) await api('PATCH', `/api/admin/categories/${id}`, { status });
      setSelected(new Set());
      await reload();
      setNotice(
        `${ids.length} ${ids.length === 1 ? 'category' : 'categories'} ${status === 'active' ? 'enabled' : 'disabled'}.`,
      );
    });

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const sortOrder = categories?.length ? Math.max(...categories.map((c) => c.sortOrder)) + 1 : 0;
      await api('POST', '/api/admin/categories', { name: newName.trim(), sortOrder });
      setNotice(`${newName.trim()} added.`);
      setNewName('');
      await reload();
    });
  };

  return (
    <section className="card wide">
      <div className="heading">
        <h1>Categories</h1>
      </div>
      <form className="inline" onSubmit={add} noValidate>
        <input
          aria-label="new category name"
          placeholder="new category"
          value={newName}
          onChange={(e) => {
            setNewName(e.target.value);
            setError(null);
          }}
        />
        <button type="submit" disabled={busy || newName.trim() === ''}>
          Add category
        </button>
      </form>
      <div className="bulk-bar">
        <span className="muted small">{selected.size} selected</span>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk('active')}>
          Enable
        </button>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk('inactive')}>
          Disable
        </button>
      </div>
      <Notice>{notice}</Notice>
      <ErrorNote error={error} />
      <table className="rows" data-testid="admin-categories">
        <thead>
          <tr>
            <th>
              <span className="sr-only">Select</span>
            </th>
            <th>Name</th>
            <th>Description</th>
            <th>Order</th>
            <th>Status</th>
            <th>Services</th>
            <th>
              <span className="sr-only">Save</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {categories?.map((c) => {
            const d = drafts[c.id] ?? draftOf(c);
            return (
              <tr key={c.id} data-category-id={c.id} data-status={c.status}>
                <td data-label="Select">
                  <input
                    type="checkbox"
                    aria-label={`select ${c.name}`}
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
                <td data-label="Name">
                  <input
                    aria-label="name"
                    value={d.name}
                    onChange={(e) => edit(c.id, { name: e.target.value })}
                  />
                </td>
                <td data-label="Description">
                  <input
                    aria-label="description"
                    value={d.description}
                    onChange={(e) => edit(c.id, { description: e.target.value })}
                  />
                </td>
                <td data-label="Order">
                  <input
                    aria-label="sort order"
                    inputMode="numeric"
                    className="narrow"
                    value={d.sortOrder}
                    onChange={(e) => edit(c.id, { sortOrder: e.target.value })}
                  />
                </td>
                <td data-label="Status">
                  <select
                    aria-label="status"
                    value={d.status}
                    onChange={(e) => edit(c.id, { status: e.target.value as Draft['status'] })}
                  >
                    <option value="active">Active</option>
                    <option value="inactive">Inactive</option>
                  </select>{' '}
                  <StatusBadge status={c.status} label={c.status === 'active' ? 'Active' : 'Inactive'} />
                </td>
                <td data-label="Services">{c.servicesCount}</td>
                <td data-label="Save">
                  <button type="button" disabled={busy || !drafts[c.id]} onClick={() => save(c)}>
                    Save
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
