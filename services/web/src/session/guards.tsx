import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Say } from '../components/Say.tsx';
import { t } from '../lib/i18n.ts';
import { useSession } from './context.ts';

/** Signed in, or off to /login (and back here afterwards). */
export function RequireUser({ children }: { children: ReactNode }) {
  const { me, signedOut } = useSession();
  const location = useLocation();
  if (me === undefined) return <p className="muted pad">{t('common.loading')}</p>;
  if (me === null && signedOut) return <Navigate to="/login" replace />;
  if (me === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return children;
}

/** Admins only. The API refuses non-admins with 403 anyway; this just says so up front. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { me } = useSession();
  if (me && me.role !== 'admin') {
    return (
      <section className="card narrow" data-testid="not-allowed">
        <h1>{t('guard.notAllowed')}</h1>
        <p>
          <Say k="guard.adminsOnly" parts={{ email: <span translate="no">{me.email}</span> }} />
        </p>
      </section>
    );
  }
  return <RequireUser>{children}</RequireUser>;
}
