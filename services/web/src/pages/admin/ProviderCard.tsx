import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminProvider, ImportServicesReply, ProviderCheckReply } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { ProviderForm } from './ProviderForm.tsx';

interface Props {
  provider: AdminProvider;
  onChanged(p: AdminProvider, message: string): void;
  onNotice(message: string): void;
}

/** One provider: balance, status and flag; check balance, import services, edit. */
export function ProviderCard({ provider: p, onChanged, onNotice }: Props) {
  const [editing, setEditing] = useState(false);
  const [markup, setMarkup] = useState('25');
  const { busy, error, run } = useAction();

  const check = () =>
    run(async () => {
      const r = await api<ProviderCheckReply>('POST', `/api/admin/providers/${p.id}/check`);
      onChanged(r.provider, `${p.name}: balance ${formatMoney(r.balance, r.currency)}.`);
    });

  const importServices = () =>
    run(async () => {
      const r = await api<ImportServicesReply>('POST', `/api/admin/providers/${p.id}/import-services`, {
        markupPercent: markup.trim(),
      });
      onNotice(
        `${p.name}: ${r.created} created, ${r.updated} updated, ${r.disabled} disabled, ` +
          `${r.categoriesCreated} new categories, ${r.skipped} skipped.`,
      );
    });

  return (
    <article className={p.flaggedAt ? 'provider flagged' : 'provider'} data-provider-id={p.id}>
      <header>
        <h2>{p.name}</h2>
        <span className={`badge ${p.status === 'active' ? 's-completed' : 's-canceled'}`}>{p.status}</span>
        {p.flaggedAt && <span className="badge s-needs_review">flagged</span>}
      </header>
      {p.flaggedAt && (
        <p className="warn small">
          Flagged {formatDateTime(p.flaggedAt)}: {p.flagReason ?? 'no reason given'}
        </p>
      )}
      <dl className="facts">
        <dt>API URL</dt>
        <dd className="ellipsis">{p.apiUrl}</dd>
        <dt>API key</dt>
        <dd data-testid="api-key-masked">{p.apiKeyMasked ?? 'cannot be decrypted — set it again'}</dd>
        <dt>Balance</dt>
        <dd>
          {p.lastBalance ? formatMoney(p.lastBalance, p.lastBalanceCurrency) : '—'}{' '}
          <span className="muted small">
            {p.lastBalanceAt ? `at ${formatDateTime(p.lastBalanceAt)}` : ''}
          </span>
        </dd>
        <dt>Services / open orders</dt>
        <dd>
          {p.servicesCount} / {p.openOrders}
        </dd>
        <dt>Concurrency</dt>
        <dd>{p.maxConcurrency}</dd>
        {p.syncFailures > 0 && (
          <>
            <dt>Sync failures</dt>
            <dd>
              {p.syncFailures}
              {p.syncBackoffUntil ? `, backing off until ${formatDateTime(p.syncBackoffUntil)}` : ''}
            </dd>
          </>
        )}
      </dl>
      <div className="row-actions">
        <button type="button" disabled={busy} onClick={check}>
          Check balance
        </button>
        <span className="inline">
          <input
            aria-label="markup percent"
            className="short"
            inputMode="decimal"
            value={markup}
            onChange={(e) => setMarkup(e.target.value)}
          />
          <span className="muted">%</span>
          <button type="button" disabled={busy} onClick={importServices}>
            Import services
          </button>
        </span>
        <button type="button" onClick={() => setEditing((e) => !e)}>
          {editing ? 'Close' : 'Edit'}
        </button>
      </div>
      {busy && <span className="muted small">working…</span>}
      <ErrorNote error={error} />
      {editing && (
        <ProviderForm
          provider={p}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved, `${saved.name} saved.`);
          }}
        />
      )}
    </article>
  );
}
