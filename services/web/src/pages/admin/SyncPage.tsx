import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { SyncOverview, SyncResult } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatDateTime, formatSeconds } from '../../lib/format.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const REFRESH_MS = 10_000;

/** Status sync at a glance (GET /api/admin/sync/overview) and forced syncs (POST /api/admin/orders/sync-status). */
export function SyncPage() {
  usePageTitle('Sync');
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [overviewError, setOverviewError] = useState<unknown>(null);
  const [orderId, setOrderId] = useState('');
  const [result, setResult] = useState<{ scope: string; r: SyncResult } | null>(null);
  const { busy, error, run } = useAction();

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
    if (r) setResult({ scope: scope === 'one' ? `order ${orderId.trim()}` : 'all orders', r });
    void load();
  }

  return (
    <section className="card narrow">
      <div className="heading">
        <h1>Status sync</h1>
        <a className="button" href="/admin/queues" target="_blank" rel="noopener">
          Bull Board
        </a>
      </div>
      <ErrorNote error={overviewError} />
      {overview && (
        <dl className="facts stats" data-testid="sync-overview">
          <dt>Sync lag</dt>
          <dd className={overview.lagSeconds > 300 ? 'warn' : undefined}>
            {formatSeconds(overview.lagSeconds)}
          </dd>
          <dt>Orders due for a check</dt>
          <dd>{overview.dueOrders}</dd>
          <dt>Orders live at providers</dt>
          <dd>{overview.liveOrders}</dd>
          <dt>Last sweep</dt>
          <dd>{formatDateTime(overview.lastSweepAt)}</dd>
          <dt>Next scheduled sweep</dt>
          <dd>{formatDateTime(overview.nextSweepAt)}</dd>
          <dt>Last check of a live order</dt>
          <dd>{formatDateTime(overview.lastStatusCheckAt)}</dd>
        </dl>
      )}
      <h2>Force a sync</h2>
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
            aria-label="order id"
            placeholder="order id (ord_…)"
            value={orderId}
            onChange={(e) => setOrderId(e.target.value)}
          />
          <button type="submit" disabled={busy || !orderId.trim()}>
            Sync this order
          </button>
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void sync('all')}>
          {busy ? 'Syncing…' : 'Sync all orders now'}
        </button>
      </form>
      <ErrorNote error={error} />
      {result && (
        <div className="notice" role="status" data-testid="sync-result">
          <p>
            {result.scope}: <strong>{result.r.syncedOrders}</strong> synced,{' '}
            <strong>{result.r.changedOrders}</strong> changed
            {'pending' in result.r ? ' so far (still running — see Bull Board)' : ''}.
          </p>
          {result.r.errors.length > 0 && (
            <ul>
              {result.r.errors.map((e) => (
                <li key={e.orderId + e.message}>
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
