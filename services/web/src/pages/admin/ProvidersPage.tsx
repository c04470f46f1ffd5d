import { type ReactNode, useState } from 'react';
import type { AdminProvider } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { t } from '../../lib/i18n.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ProviderCard } from './ProviderCard.tsx';
import { ProviderForm } from './ProviderForm.tsx';
import { useProviders } from './useProviders.ts';
import { said } from './words.tsx';

export function ProvidersPage() {
  usePageTitle(t('admin.prov.title'));
  const { providers, error, reload, setProviders } = useProviders();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);

  function replaced(p: AdminProvider, message: ReactNode) {
    setNotice(message);
    setProviders((list) => list?.map((x) => (x.id === p.id ? p : x)) ?? [p]);
  }

  return (
    <section className="card wide">
      <div className="heading">
        <h1>{t('admin.prov.title')}</h1>
        <button type="button" onClick={() => setAdding((a) => !a)}>
          {adding ? t('admin.close') : t('admin.prov.add')}
        </button>
      </div>
      {adding && (
        <ProviderForm
          onSaved={(p) => {
            setAdding(false);
            setNotice(said('admin.prov.added', { name: p.name }));
            void reload();
          }}
        />
      )}
      <Notice>{notice}</Notice>
      <ErrorNote error={error} />
      {!providers && !error && <p className="muted">{t('admin.loading')}</p>}
      {providers?.length === 0 && <p className="muted">{t('admin.prov.none')}</p>}
      <div className="provider-list">
        {providers?.map((p) => (
          <ProviderCard key={p.id} provider={p} onChanged={replaced} onNotice={setNotice} />
        ))}
      </div>
    </section>
  );
}
