import { useState } from 'react';
import type { AdminProvider } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ProviderCard } from './ProviderCard.tsx';
import { ProviderForm } from './ProviderForm.tsx';
import { useProviders } from './useProviders.ts';

export function ProvidersPage() {
  usePageTitle('Providers');
  const { providers, error, reload, setProviders } = useProviders();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function replaced(p: AdminProvider, message: string) {
    setNotice(message);
    setProviders((list) => list?.map((x) => (x.id === p.id ? p : x)) ?? [p]);
  }

  return (
    <section className="card wide">
      <div className="heading">
        <h1>Providers</h1>
        <button type="button" onClick={() => setAdding((a) => !a)}>
          {adding ? 'Close' : 'Add provider'}
        </button>
      </div>
      {adding && (
        <ProviderForm
          onSaved={(p) => {
            setAdding(false);
            setNotice(`Provider ${p.name} added.`);
            void reload();
          }}
        />
      )}
      <Notice>{notice}</Notice>
      <ErrorNote error={error} />
      {!providers && !error && <p className="muted">Loading…</p>}
      {providers?.length === 0 && <p className="muted">No providers yet.</p>}
      <div className="provider-list">
        {providers?.map((p) => (
          <ProviderCard key={p.id} provider={p} onChanged={replaced} onNotice={setNotice} />
        ))}
      </div>
    </section>
  );
}
