import { type ReactNode, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminProvider, ImportServicesReply, ProviderCheckReply } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { ProviderForm } from './ProviderForm.tsx';
import { useAdminProblems } from './problems.ts';
import { said } from './words.tsx';

const IMPORT_FIELDS = ['markupPercent'] as const;

interface Props {
  provider: AdminProvider;
  onChanged(p: AdminProvider, message: ReactNode): void;
  onNotice(message: ReactNode): void;
}

/** One provider: balance, status and flag; check balance, import services, edit. */
export function ProviderCard({ provider: p, onChanged, onNotice }: Props) {
  const [editing, setEditing] = useState(false);
  const [markup, setMarkup] = useState('25');
  const { busy, error, run } = useAction();
  const importProblems = useAdminProblems(error, IMPORT_FIELDS, {
    texts: { markupPercent: t('admin.prov.field.markup') },
  });

  const check = () =>
    run(async () => {
      const r = await api<ProviderCheckReply>('POST', `/api/admin/providers/${p.id}/check`);
      onChanged(
        r.provider,
        said('admin.prov.balanceNotice', { name: p.name, balance: formatMoney(r.balance, r.currency) }),
      );
    });

  const importServices = () =>
    run(async () => {
      const r = await api<ImportServicesReply>('POST', `/api/admin/providers/${p.id}/import-services`, {
        markupPercent: markup.trim(),
      });
      onNotice(
        said(
          'admin.prov.imported',
          { name: p.name },
          {
            created: r.created,
            updated: r.updated,
            disabled: r.disabled,
            categories: r.categoriesCreated,
            skipped: r.skipped,
          },
        ),
      );
    });

  return (
    <article className={p.flaggedAt ? 'provider flagged' : 'provider'} data-provider-id={p.id}>
      <header>
        <h2 translate="no">{p.name}</h2>
        <span className={`badge ${p.status === 'active' ? 's-completed' : 's-canceled'}`}>
          {p.status === 'active' ? t('admin.activeLower') : t('admin.inactiveLower')}
        </span>
        {p.flaggedAt && <span className="badge s-needs_review">{t('admin.prov.flagged')}</span>}
      </header>
      {p.flaggedAt && (
        <p className="warn small">
          {p.flagReason
            ? said('admin.prov.flaggedAt', { reason: p.flagReason }, { at: formatDateTime(p.flaggedAt) })
            : t('admin.prov.flaggedNoReason', { at: formatDateTime(p.flaggedAt) })}
        </p>
      )}
      <dl className="facts">
        <dt>{t('admin.prov.apiUrl')}</dt>
        <dd className="ellipsis" translate="no">
          {p.apiUrl}
        </dd>
        <dt>{t('admin.prov.apiKey')}</dt>
        <dd data-testid="api-key-masked">
          {p.apiKeyMasked === null ? (
            t('admin.prov.keyUnreadable')
          ) : (
            <span translate="no">{p.apiKeyMasked}</span>
          )}
        </dd>
        <dt>{t('admin.prov.balance')}</dt>
        <dd>
          <span translate="no">
            {p.lastBalance ? formatMoney(p.lastBalance, p.lastBalanceCurrency) : '—'}
          </span>{' '}
          <span className="muted small">
            {p.lastBalanceAt ? t('admin.prov.balanceAt', { at: formatDateTime(p.lastBalanceAt) }) : ''}
          </span>
        </dd>
        <dt>{t('admin.prov.servicesOrders')}</dt>
        <dd>
          {p.servicesCount} / {p.openOrders}
        </dd>
        <dt>{t('admin.prov.concurrency')}</dt>
        <dd>{p.maxConcurrency}</dd>
        {p.syncFailures > 0 && (
          <>
            <dt>{t('admin.prov.syncFailures')}</dt>
            <dd>
              {p.syncBackoffUntil
                ? t('admin.prov.backoff', { n: p.syncFailures, until: formatDateTime(p.syncBackoffUntil) })
                : p.syncFailures}
            </dd>
          </>
        )}
      </dl>
      <div className="row-actions">
        <button type="button" disabled={busy} onClick={check}>
          {t('admin.prov.check')}
        </button>
        <span className="inline">
          <input
            aria-label={t('admin.prov.markup')}
            className="short"
            inputMode="decimal"
            value={markup}
            onChange={(e) => {
              setMarkup(e.target.value);
              importProblems.changed('markupPercent');
            }}
          />
          <span className="muted">%</span>
          <button type="button" disabled={busy} onClick={importServices}>
            {t('admin.prov.import')}
          </button>
        </span>
        <button type="button" onClick={() => setEditing((e) => !e)}>
          {editing ? t('admin.close') : t('admin.edit')}
        </button>
      </div>
      {importProblems.fields.markupPercent && (
        <p className="field-error">{importProblems.fields.markupPercent}</p>
      )}
      {busy && <span className="muted small">{t('admin.working')}</span>}
      <ErrorNote error={error} text={importProblems.form} />
      {editing && (
        <ProviderForm
          provider={p}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved, said('admin.saved', { name: saved.name }));
          }}
        />
      )}
    </article>
  );
}
