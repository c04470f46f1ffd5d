import { useEffect, useState } from 'react';
import { api, query } from '../api/client.ts';
import type { AdminUser } from '../api/types.ts';
import { errorText } from '../lib/error-messages.ts';
import { t } from '../lib/i18n.ts';
import { formatMoney } from '../lib/money.ts';

interface Props {
  value: AdminUser | null;
  onChange(user: AdminUser | null): void;
  label?: string;
  /** What is wrong with the choice, in plain words. */
  error?: string | undefined;
}

/** Finds a user by email or name (GET /api/admin/users?search=) and picks one. */
export function UserPicker({ value, onChange, label = t('admin.picker.user'), error: problem }: Props) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<AdminUser[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const term = search.trim();
    if (value || term.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api<{ users: AdminUser[] }>('GET', `/api/admin/users${query({ search: term, limit: 8 })}`)
        .then((r) => {
          if (live) {
            setFound(r.users);
            setError(null);
          }
        })
        .catch((e: unknown) => live && setError(errorText(e)));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, value]);

  if (value) {
    return (
      <div className="field">
        <span className="label">{label}</span>
        <div className="picked" data-testid="picked-user">
          <span translate="no">
            {value.email} <span className="muted">({formatMoney(value.balance, value.currency)})</span>
          </span>
          <button type="button" className="link" onClick={() => onChange(null)}>
            {t('admin.picker.change')}
          </button>
        </div>
        {problem && <span className="field-error">{problem}</span>}
      </div>
    );
  }
  return (
    <div className="field picker">
      <label className="label" htmlFor="user-search">
        {label}
      </label>
      <input
        id="user-search"
        name="userSearch"
        type="search"
        placeholder={t('admin.picker.search')}
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {(problem || error) && <span className="field-error">{problem ?? error}</span>}
      {found.length > 0 && (
        <ul className="choices">
          {found.map((u) => (
            <li key={u.id}>
              <button type="button" onClick={() => onChange(u)} translate="no">
                {u.email} <span className="muted">{u.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
