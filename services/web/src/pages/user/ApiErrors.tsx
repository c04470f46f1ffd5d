import { Prose } from '../../components/Prose.tsx';
import { RESELLER_ERRORS } from '../../lib/reseller-api-docs.ts';

/** The error texts a client can match on, with the HTTP status each comes with. */
export function ApiErrors() {
  return (
    <section className="doc-section" aria-labelledby="errors-title">
      <h2 id="errors-title">Errors</h2>
      <p>
        <Prose
          text={'Every error is `{"error": "<text>"}`. Request errors come with HTTP 200: read the body.'}
        />
      </p>
      <div className="table-scroll">
        <table className="doc-table" data-testid="api-errors">
          <thead>
            <tr>
              <th>Error</th>
              <th>HTTP</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {RESELLER_ERRORS.map((e) => (
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
