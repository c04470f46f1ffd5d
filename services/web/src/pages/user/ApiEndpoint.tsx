import { useRef } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Prose } from '../../components/Prose.tsx';
import { t } from '../../lib/i18n.ts';
import { resellerIntro } from '../../lib/reseller-api-docs.ts';

/** Where to send requests, and how every request and reply looks. */
export function ApiEndpoint({ endpoint }: { endpoint: string }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <section className="doc-section" aria-labelledby="endpoint-title">
      <h2 id="endpoint-title">{t('api.endpoint')}</h2>
      <div className="key-line">
        <code ref={ref} className="endpoint" data-testid="endpoint">
          {endpoint}
        </code>
        <CopyButton text={endpoint} target={ref} />
      </div>
      {resellerIntro(t).map((line) => (
        <p key={line}>
          <Prose text={line} />
        </p>
      ))}
    </section>
  );
}
