import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { SyncOverview, SyncResult } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useAdminProblems } from './problems.ts';
import { durationText, said } from './words.tsx';

const REFRESH_MS = 10_000;
const SYNC_FIELDS = ['orderId'] as const;

/** Status sync at a glance (GET /api/admin/sync/overview) and forced syncs (POST /api/admin/orders/sync-status). */
export function SyncPage() {
  usePageTitle(t('admin.sync.tabTitle'));
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [overviewError, setOverviewError] = useState<unknown>(null);
  const [orderId, setOrderId] = useState('');
  const [result, setResult] = useState<{ orderId: string | null; r: SyncResult } | null>(null);
  const { busy, error, run } = useAction();
  const problems = useAdminProblems(error, SYNC_FIELDS, {
    texts: { orderId: t('admin.sync.field.orderId') },
  });

  const load = useCallback(async () => {
    try {
      setOverview(await api<SyncOverview>('GET', '/api/admin/sync/overview'));
      setOverviewError(null);
    } catch (e) {
      setOverviewError(e);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  async function sync(scope: 'one' | 'all') {
    const body = scope === 'one' ? { orderId: orderId.trim() } : { forceSync: true };
    const r = await run(() => api<SyncResult>('POST', '/api/admin/orders/sync-status', body));
    if (r) setResult({ orderId: scope === 'one' ? orderId.trim() : null, r });
    void load();
  }

  return (
    <section className="card narrow">
      <div className="heading">
        <h1>{t('admin.sync.title')}</h1>
        <a className="button" href="/admin/queues" target="_blank" rel="noopener" translate="no">
          Bull Board
        </a>
      </div>
      <ErrorNote error={overviewError} />
      {overview && (
        <dl className="facts stats" data-testid="sync-overview">
          <dt>{t('admin.sync.lag')}</dt>
          <dd className={overview.lagSeconds > 300 ? 'warn' : undefined}>
            {durationText(overview.lagSeconds)}
          </dd>
          <dt>{t('admin.sync.due')}</dt>
          <dd>{overview.dueOrders}</dd>
          <dt>{t('admin.sync.live')}</dt>
          <dd>{overview.liveOrders}</dd>
          <dt>{t('admin.sync.lastSweep')}</dt>
          <dd>{formatDateTime(overview.lastSweepAt)}</dd>
          <dt>{t('admin.sync.nextSweep')}</dt>
          <dd>{formatDateTime(overview.nextSweepAt)}</dd>
          <dt>{t('admin.sync.lastCheck')}</dt>
          <dd>{formatDateTime(overview.lastStatusCheckAt)}</dd>
        </dl>
      )}
      <h2>{t('admin.sync.force')}</h2>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void sync('one');
        }}
      >
        <div className="inline">
          <input
            name="orderId"
            aria-label={t('admin.sync.orderId')}
            placeholder={t('admin.sync.orderIdHint')}
            value={orderId}
            onChange={(e) => {
              setOrderId(e.target.value);
              problems.changed('orderId');
            }}
          />
          <button type="submit" disabled={busy || !orderId.trim()}>
            {t('admin.sync.one')}
          </button>
        </div>
        {problems.fields.orderId && <span className="field-error">{problems.fields.orderId}</span>}
        <button type="button" className="primary" disabled={busy} onClick={() => void sync('all')}>
          {busy ? t('admin.sync.syncing') : t('admin.sync.all')}
        </button>
      </form>
      <ErrorNote error={error} text={problems.form} />
      {result && (
        <div className="notice" role="status" data-testid="sync-result">
          <p>
            {said(
              'pending' in result.r
                ? result.orderId === null
                  ? 'admin.sync.resultAllRunning'
                  : 'admin.sync.resultOneRunning'
                : result.orderId === null
                  ? 'admin.sync.resultAll'
                  : 'admin.sync.resultOne',
              {
                order: result.orderId ?? '',
                synced: <strong>{result.r.syncedOrders}</strong>,
                changed: <strong>{result.r.changedOrders}</strong>,
              },
            )}
          </p>
          {result.r.errors.length > 0 && (
            <ul>
              {result.r.errors.map((e) => (
                <li key={e.orderId + e.message} translate="no">
                  <code>{e.orderId}</code>: {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
