import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminProvider } from '../../api/types.ts';
import { ErrorNote, fieldError } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { useAction } from '../../lib/useAction.ts';

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

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = {
      name: name.trim(),
      apiUrl: apiUrl.trim(),
      status,
      maxConcurrency: Number(maxConcurrency),
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
      <Field label="Name" error={fieldError(error, 'name')}>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <Field label="API URL" error={fieldError(error, 'apiUrl')}>
        <input name="apiUrl" type="url" value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} required />
      </Field>
      <Field
        label="API key"
        error={fieldError(error, 'apiKey')}
        hint={
          provider ? `stored: ${provider.apiKeyMasked ?? 'unreadable'} — leave empty to keep it` : undefined
        }
      >
        <input
          name="apiKey"
          type="password"
          autoComplete="new-password"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          required={!provider}
        />
      </Field>
      <div className="two">
        <Field label="Status">
          <select
            name="status"
            value={status}
            onChange={(e) => setStatus(e.target.value as 'active' | 'inactive')}
          >
            <option value="active">active</option>
            <option value="inactive">inactive</option>
          </select>
        </Field>
        <Field label="Max concurrency" error={fieldError(error, 'maxConcurrency')}>
          <input
            name="maxConcurrency"
            inputMode="numeric"
            value={maxConcurrency}
            onChange={(e) => setMaxConcurrency(e.target.value)}
          />
        </Field>
      </div>
      <ErrorNote error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {provider ? 'Save' : 'Add provider'}
      </button>
    </form>
  );
}
