import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminProvider } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { t } from '../../lib/i18n.ts';
import { useAction } from '../../lib/useAction.ts';
import { useAdminProblems } from './problems.ts';
import { said } from './words.tsx';

const PROVIDER_FIELDS = ['name', 'apiUrl', 'apiKey', 'status', 'maxConcurrency'] as const;

interface Props {
  /** Editing this provider; adding a new one without. */
  provider?: AdminProvider;
  onSaved(p: AdminProvider): void;
}

/**
 * Add or edit a provider. The API key is write-only: the field starts empty, and when editing an
 * empty field keeps the stored key (only `apiKeyMasked` is ever shown).
 */
export function ProviderForm({ provider, onSaved }: Props) {
  const [name, setName] = useState(provider?.name ?? '');
  const [apiUrl, setApiUrl] = useState(provider?.apiUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [status, setStatus] = useState<'active' | 'inactive'>(provider?.status ?? 'active');
  const [maxConcurrency, setMaxConcurrency] = useState(String(provider?.maxConcurrency ?? 10));
  const { busy, error, run } = useAction();
  const words = useMemo(
    () => ({
      texts: {
        apiUrl: t('admin.provForm.field.apiUrl'),
        apiKey: t('admin.provForm.field.apiKey'),
        maxConcurrency: t('admin.provForm.field.maxConcurrency'),
      },
      rules: { apiUrl: t('admin.provForm.field.apiUrlHttps') },
      codeFields: { PROVIDER_URL_NOT_ALLOWED: 'apiUrl' as const },
    }),
    [],
  );
  const problems = useAdminProblems(error, PROVIDER_FIELDS, words);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = {
      name: name.trim(),
      apiUrl: apiUrl.trim(),
      status,
      // A whole number as typed, or the text itself for the server to name the field.
      maxConcurrency: /^\d+$/.test(maxConcurrency.trim())
        ? Number(maxConcurrency.trim())
        : maxConcurrency.trim(),
    };
    if (apiKey.trim()) body.apiKey = apiKey.trim();
    const r = await run(() =>
      provider
        ? api<{ provider: AdminProvider }>('PATCH', `/api/admin/providers/${provider.id}`, body)
        : api<{ provider: AdminProvider }>('POST', '/api/admin/providers', body),
    );
    if (r) {
      setApiKey('');
      onSaved(r.provider);
    }
  }

  return (
    <form className="form boxed" onSubmit={submit} noValidate>
      <Field label={t('admin.provForm.name')} error={problems.fields.name}>
        <input
          name="name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            problems.changed('name');
          }}
          required
        />
      </Field>
      <Field label={t('admin.provForm.apiUrl')} error={problems.fields.apiUrl}>
        <input
          name="apiUrl"
          type="url"
          value={apiUrl}
          onChange={(e) => {
            setApiUrl(e.target.value);
            problems.changed('apiUrl');
          }}
          required
        />
      </Field>
      <Field
        label={t('admin.provForm.apiKey')}
        error={problems.fields.apiKey}
        hint={
          provider
            ? provider.apiKeyMasked === null
              ? t('admin.provForm.keyUnreadable')
              : said('admin.provForm.keyStored', { key: provider.apiKeyMasked })
            : undefined
        }
      >
        <input
          name="apiKey"
          type="password"
          autoComplete="new-password"
          value={apiKey}
          onChange={(e) => {
            setApiKey(e.target.value);
            problems.changed('apiKey');
          }}
          required={!provider}
        />
      </Field>
      <div className="two">
        <Field label={t('admin.provForm.status')} error={problems.fields.status}>
          <select
            name="status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as 'active' | 'inactive');
              problems.changed('status');
            }}
          >
            <option value="active">{t('admin.activeLower')}</option>
            <option value="inactive">{t('admin.inactiveLower')}</option>
          </select>
        </Field>
        <Field label={t('admin.provForm.maxConcurrency')} error={problems.fields.maxConcurrency}>
          <input
            name="maxConcurrency"
            inputMode="numeric"
            value={maxConcurrency}
            onChange={(e) => {
              setMaxConcurrency(e.target.value);
              problems.changed('maxConcurrency');
            }}
          />
        </Field>
      </div>
      <ErrorNote error={error} text={problems.form} />
      <button type="submit" className="primary" disabled={busy}>
        {provider ? t('admin.save') : t('admin.prov.add')}
      </button>
    </form>
  );
}
