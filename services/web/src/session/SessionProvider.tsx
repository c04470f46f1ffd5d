import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, onUnauthorized } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { type Session, SessionContext } from './context.ts';

/**
 * Who is signed in, from GET /api/user/me. The session itself is the httpOnly `token` cookie that
 * POST /api/auth/login sets: no token is kept by this code at all. The user (and so the header's
 * balance) is read again when the window comes back into focus and on every page change (Layout):
 * money can arrive from elsewhere, e.g. an admin approving a deposit.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [signedOut, setSignedOut] = useState(false);
  // Bumped by login and logout: a read that was under way then answers for another session.
  const epoch = useRef(0);
  const signedIn = useRef(false);
  signedIn.current = Boolean(me);

  const refresh = useCallback(async () => {
    const asked = epoch.current;
    try {
      const r = await api<{ user: Me }>('GET', '/api/user/me');
      if (asked === epoch.current) setMe(r.user);
    } catch (e) {
      if (asked !== epoch.current) return;
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) setMe(null);
      else setMe((prev) => prev ?? null);
    }
  }, []);

  useEffect(() => {
    // The gateway writes into the page whether it came with a session (web-pages.ts): with none,
    // nobody is signed in, and asking would only earn a 401.
    if (document.querySelector('meta[name=session]')?.getAttribute('content') === 'none') setMe(null);
    else void refresh();
    return onUnauthorized(() => setMe(null));
  }, [refresh]);

  useEffect(() => {
    const again = () => {
      if (signedIn.current && document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [refresh]);

  const session = useMemo<Session>(
    () => ({
      me,
      signedOut,
      refresh,
      async login(email, password) {
        epoch.current++;
        await api('POST', '/api/auth/login', { email, password });
        const r = await api<{ user: Me }>('GET', '/api/user/me');
        setSignedOut(false);
        setMe(r.user);
        return r.user;
      },
      async register(body) {
        epoch.current++;
        // The reply sets the session cookie, as login does.
        await api('POST', '/api/auth/register', body);
        const r = await api<{ user: Me }>('GET', '/api/user/me');
        setSignedOut(false);
        setMe(r.user);
        return r.user;
      },
      async logout() {
        epoch.current++;
        await api('POST', '/api/auth/logout').catch(() => {});
        // Together: the page's guard and the header's own navigation then both go to plain /login.
        setSignedOut(true);
        setMe(null);
      },
    }),
    [me, signedOut, refresh],
  );

  return <SessionContext value={session}>{children}</SessionContext>;
}
