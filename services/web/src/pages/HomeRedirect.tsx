import { Navigate } from 'react-router';
import { t } from '../lib/i18n.ts';
import { useSession } from '../session/context.ts';
import { homeFor } from './LoginPage.tsx';

/** `/`: the user's start page, or the login. */
export function HomeRedirect() {
  const { me } = useSession();
  if (me === undefined) return <p className="muted pad">{t('common.loading')}</p>;
  return <Navigate to={me ? homeFor(me.role) : '/login'} replace />;
}
