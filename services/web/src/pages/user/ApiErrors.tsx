import { Prose } from '../../components/Prose.tsx';
import { t } from '../../lib/i18n.ts';
import { resellerErrors } from '../../lib/reseller-api-docs.ts';

/** The error texts a client can match on, with the HTTP status each comes with. */
export function ApiErrors() {
  return (
    <section className="doc-section" aria-labelledby="errors-title">
      <h2 id="errors-title">{t('api.errors')}</h2>
      <p>
        <Prose text={t('api.errorsIntro')} />
      </p>
      <div className="table-scroll">
        <table className="doc-table" data-testid="api-errors">
          <thead>
            <tr>
              <th>{t('api.col.error')}</th>
              <th>{t('api.col.http')}</th>
              <th>{t('api.col.when')}</th>
            </tr>
          </thead>
          <tbody>
            {resellerErrors(t).map((e) => (
              <tr key={e.text}>
                <td>
                  <code>{e.text}</code>
                </td>
                <td>{e.http}</td>
                <td>
                  <Prose text={e.when} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
