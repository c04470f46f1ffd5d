import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../lib/usePageTitle.ts';

/** Any path that is no page (the gateway answers it with 404 and this app). */
export function NotFoundPage() {
  const { pathname } = useLocation();
  usePageTitle('Page not found');
  return (
    <section className="card narrow" data-testid="not-found">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{pathname}</code>.
      </p>
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </section>
  );
}
