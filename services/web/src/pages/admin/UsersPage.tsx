import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ReplyOf } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { t } from '../../lib/i18n.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { type AdminUser, UserCard } from './UserCard.tsx';

type UserPage = ReplyOf<'/api/admin/users', 'get'>;

/** Users (GET /api/admin/users): search by email or name, then act on one. */
export function UsersPage() {
  usePageTitle(t('admin.users.title'));
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  // What the list shows: the search of the newest reply. An older request answering late (the
  // first list arriving after a search) must not put its users back.
  const [shown, setShown] = useState('');
  const latest = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      const q = new URLSearchParams({ limit: '20' });
      if (search.trim()) q.set('search', search.trim());
      if (status) q.set('status', status);
      if (cursor) q.set('cursor', cursor);
      const mine = ++latest.current;
      try {
        const r = await api<UserPage>('GET', `/api/admin/users?${q}`);
        if (mine !== latest.current) return;
        setShown(search.trim());
        setUsers((old) => (cursor ? [...old, ...r.users] : r.users));
        setNext(r.nextCursor);
        setError(null);
      } catch (e) {
        if (mine === latest.current) setError(e);
      }
    },
    [search, status],
  );

  // The first list loads once; after that only the filters' own submit reloads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: load changes with every keystroke
  useEffect(() => {
    void load();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    void load();
  }

  return (
    <section>
      <h1>{t('admin.users.title')}</h1>
      <form className="filters" onSubmit={submit} aria-label={t('admin.users.find')}>
        <label>
          {t('admin.users.search')}
          <input name="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          {t('admin.users.status')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('admin.any')}</option>
            <option value="active">{t('admin.users.active')}</option>
            <option value="suspended">{t('admin.users.suspended')}</option>
          </select>
        </label>
        <button type="submit">{t('admin.users.searchButton')}</button>
      </form>
      {notice && (
        <p className="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="user-list" data-testid="users" data-search={shown}>
        {users.map((u) => (
          <UserCard
            key={u.id}
            user={u}
            onChanged={(changed, message) => {
              setUsers((old) => old.map((x) => (x.id === changed.id ? changed : x)));
              setNotice(message);
            }}
          />
        ))}
        {users.length === 0 && !error && <p className="muted">{t('admin.users.none')}</p>}
      </div>
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('admin.more')}
        </button>
      )}
    </section>
  );
}
