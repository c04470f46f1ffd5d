import { Link, useLocation } from 'react-router';
import { t } from '../lib/i18n.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';

/** Any path that is no page (the gateway answers it with 404 and this app). */
export function NotFoundPage() {
  const { pathname } = useLocation();
  usePageTitle(t('notFound.title'));
  return (
    <section className="card narrow" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>
        {t('notFound.body')} <code>{pathname}</code>.
      </p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
