import { useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ApiKeyReply } from '../../api/types.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useSession } from '../../session/context.ts';

export const ROTATE_WARNING =
  'Rotate the API key? The current key stops working at once: every panel and script that uses it must get the new one.';

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
        Copy it now and keep it safe: it will not be shown again. If you lose it, rotate the key to get a new
        one.
        {replaced && ' The previous key no longer works.'}
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
    if (hasKey && !window.confirm(ROTATE_WARNING)) return;
    const r = await run(() => api<ApiKeyReply>('POST', '/api/user/api-key'));
    if (!r) return;
    setShown({ apiKey: r.apiKey, replaced: hasKey });
    void refresh();
  }

  return (
    <section className="doc-section" aria-labelledby="api-key-title">
      <h2 id="api-key-title">Your API key</h2>
      {!shown && (
        <p className="muted">
          {hasKey
            ? 'You have a key. It is not shown again after it is made; rotate it to get a new one.'
            : 'You have no API key yet.'}
        </p>
      )}
      {shown && <NewKey apiKey={shown.apiKey} replaced={shown.replaced} />}
      <ErrorNote error={error} />
      <button type="button" className={hasKey ? undefined : 'primary'} disabled={busy} onClick={issue}>
        {busy ? 'Working…' : hasKey ? 'Rotate key' : 'Create API key'}
      </button>
    </section>
  );
}
