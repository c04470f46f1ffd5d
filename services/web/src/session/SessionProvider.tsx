import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthorized } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { type Session, SessionContext } from './context.ts';

/**
 * Who is signed in, from GET /api/user/me. The session itself is the httpOnly `token` cookie that
 * POST /api/auth/login sets: no token is kept by this code at all.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const r = await api<{ user: Me }>('GET', '/api/user/me');
      setMe(r.user);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) setMe(null);
      else setMe((prev) => prev ?? null);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthorized(() => setMe(null));
  }, [refresh]);

  const session = useMemo<Session>(
    () => ({
      me,
      refresh,
      async login(email, password) {
        await api('POST', '/api/auth/login', { email, password });
        const r = await api<{ user: Me }>('GET', '/api/user/me');
        setMe(r.user);
        return r.user;
      },
      async logout() {
        await api('POST', '/api/auth/logout').catch(() => {});
        setMe(null);
      },
    }),
    [me, refresh],
  );

  return <SessionContext value={session}>{children}</SessionContext>;
}
