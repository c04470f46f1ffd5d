import { CodeBlock } from '../../components/CodeBlock.tsx';
import { t } from '../../lib/i18n.ts';
import { codeSamples, RESELLER_API_PATH, resellerCalls } from '../../lib/reseller-api-docs.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ApiCallDoc } from './ApiCallDoc.tsx';
import { ApiEndpoint } from './ApiEndpoint.tsx';
import { ApiErrors } from './ApiErrors.tsx';
import { ApiKeySection } from './ApiKeySection.tsx';

/** /api: the customer's reseller API key and the SMM API v2 reference (src/lib/reseller-api-docs.ts). */
export function ApiPage() {
  usePageTitle(t('nav.api'));
  const calls = resellerCalls(t);
  const endpoint = `${window.location.origin}${RESELLER_API_PATH}`;
  return (
    <section className="card docs">
      <h1>{t('nav.api')}</h1>
      <ApiKeySection />
      <ApiEndpoint endpoint={endpoint} />
      <nav className="doc-toc" aria-label={t('api.toc')}>
        {calls.map((c) => (
          <a key={c.id} href={`#${c.id}`}>
            {c.title}
          </a>
        ))}
        <a href="#errors-title">{t('api.errors')}</a>
        <a href="#examples-title">{t('api.examples')}</a>
      </nav>
      <section className="doc-section" aria-labelledby="actions-title" data-testid="api-actions">
        <h2 id="actions-title">{t('api.actions')}</h2>
        {calls.map((c) => (
          <ApiCallDoc key={c.id} call={c} />
        ))}
      </section>
      <ApiErrors />
      <section className="doc-section" aria-labelledby="examples-title">
        <h2 id="examples-title">{t('api.examples')}</h2>
        {codeSamples(endpoint).map((s) => (
          <CodeBlock
            key={s.title}
            name={s.title}
            language={s.language}
            code={s.code}
            testId={`sample-${s.language}`}
          />
        ))}
      </section>
    </section>
  );
}
