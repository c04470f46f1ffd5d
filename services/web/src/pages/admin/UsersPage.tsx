import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ReplyOf } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { type AdminUser, UserCard } from './UserCard.tsx';

type UserPage = ReplyOf<'/api/admin/users', 'get'>;

/** Users (GET /api/admin/users): search by email or name, then act on one. */
export function UsersPage() {
  usePageTitle('Users');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
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
      <h1>Users</h1>
      <form className="filters" onSubmit={submit} aria-label="Find users">
        <label>
          Email or name
          <input name="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          Status
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
          </select>
        </label>
        <button type="submit">Search</button>
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
        {users.length === 0 && !error && <p className="muted">No users match.</p>}
      </div>
      {next && (
        <button type="button" onClick={() => void load(next)}>
          Load more
        </button>
      )}
    </section>
  );
}
