import { Navigate } from 'react-router';
import { useSession } from '../session/context.ts';
import { homeFor } from './LoginPage.tsx';

/** `/`: the user's start page, or the login. */
export function HomeRedirect() {
  const { me } = useSession();
  if (me === undefined) return <p className="muted pad">Loading…</p>;
  return <Navigate to={me ? homeFor(me.role) : '/login'} replace />;
}
