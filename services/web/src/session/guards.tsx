import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './context.ts';

/** Signed in, or off to /login (and back here afterwards). */
export function RequireUser({ children }: { children: ReactNode }) {
  const { me, signedOut } = useSession();
  const location = useLocation();
  if (me === undefined) return <p className="muted pad">Loading…</p>;
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
        <h1>Not allowed</h1>
        <p>This page is for admins. You are signed in as {me.email}.</p>
      </section>
    );
  }
  return <RequireUser>{children}</RequireUser>;
}
