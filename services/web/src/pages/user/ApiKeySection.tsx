import { useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ApiKeyReply } from '../../api/types.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { t } from '../../lib/i18n.ts';
import { useAction } from '../../lib/useAction.ts';
import { useSession } from '../../session/context.ts';

/** What rotating the key costs, asked before it is done (in the chosen language). */
export function rotateWarning(): string {
  return t('api.key.rotateWarning');
}

/** The key just made: the server keeps only its hash, so this is the one time anyone sees it. */
function NewKey({ apiKey, replaced }: { apiKey: string; replaced: boolean }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <div className="new-key" data-testid="new-key">
      <div className="key-line">
        <code ref={ref} className="secret" data-testid="api-key">
          {apiKey}
        </code>
        <CopyButton text={apiKey} target={ref} />
      </div>
      <p className="warn small">
        {t('api.key.copyNow')}
        {replaced && t('api.key.replaced')}
      </p>
    </div>
  );
}

/** Create the reseller API key, or rotate it (after a confirmation: the old one dies at once). */
export function ApiKeySection() {
  const { me, refresh } = useSession();
  const [shown, setShown] = useState<{ apiKey: string; replaced: boolean } | null>(null);
  const { busy, error, run } = useAction();
  const hasKey = shown !== null || me?.hasApiKey === true;

  async function issue() {
    if (hasKey && !window.confirm(rotateWarning())) return;
    const r = await run(() => api<ApiKeyReply>('POST', '/api/user/api-key'));
    if (!r) return;
    setShown({ apiKey: r.apiKey, replaced: hasKey });
    void refresh();
  }

  return (
    <section className="doc-section" aria-labelledby="api-key-title">
      <h2 id="api-key-title">{t('api.key.title')}</h2>
      {!shown && <p className="muted">{hasKey ? t('api.key.has') : t('api.key.none')}</p>}
      {shown && <NewKey apiKey={shown.apiKey} replaced={shown.replaced} />}
      <ErrorNote error={error} />
      <button type="button" className={hasKey ? undefined : 'primary'} disabled={busy} onClick={issue}>
        {busy ? t('api.key.working') : hasKey ? t('api.key.rotate') : t('api.key.create')}
      </button>
    </section>
  );
}
