import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { ReplyOf } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney } from '../../lib/money.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { counted, durationText, said } from './words.tsx';

type Dashboard = ReplyOf<'/api/admin/dashboard', 'get'>;
type Figures = Dashboard['today'];

const REFRESH_MS = 30_000;

function Period({ title, f, testId }: { title: string; f: Figures; testId: string }) {
  return (
    <div className="card" data-testid={testId}>
      <h2>{title}</h2>
      <dl className="facts stats">
        <dt>{t('admin.dash.orders')}</dt>
        <dd data-testid="orders">{formatCount(f.orders)}</dd>
        <dt>{t('admin.dash.revenue')}</dt>
        <dd data-testid="revenue" translate="no">
          {formatMoney(f.revenueUSD, 'USD')}
        </dd>
        <dt>{t('admin.dash.cost')}</dt>
        <dd data-testid="cost" translate="no">
          {formatMoney(f.providerCostUSD, 'USD')}
        </dd>
        <dt>{t('admin.dash.profit')}</dt>
        <dd data-testid="profit" translate="no">
          {formatMoney(f.profitUSD, 'USD')}
        </dd>
      </dl>
      {f.ordersWithoutCost > 0 && (
        <p className="muted">
          {counted(f.ordersWithoutCost, 'admin.dash.withoutCost.one', 'admin.dash.withoutCost.other')}
        </p>
      )}
    </div>
  );
}

/** What an admin looks at first (GET /api/admin/dashboard), refreshed every 30 s. */
export function DashboardPage() {
  usePageTitle(t('admin.dash.title'));
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setD(await api<Dashboard>('GET', '/api/admin/dashboard'));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <section className="dashboard">
      <div className="heading">
        <h1>{t('admin.dash.title')}</h1>
        {d && <span className="muted">{said('admin.dash.timeZone', { zone: d.timeZone })}</span>}
      </div>
      <ErrorNote error={error} />
      {d && (
        <>
          <div className="grid two">
            <Period title={t('admin.dash.today')} f={d.today} testId="today" />
            <Period title={t('admin.dash.week')} f={d.last7Days} testId="week" />
          </div>
          <div className="card" data-testid="attention">
            <h2>{t('admin.dash.waiting')}</h2>
            <ul className="plain">
              <li>
                <Link to="/admin/orders?status=needs_review" data-testid="needs-review">
                  {counted(d.needsReview, 'admin.dash.needsReview.one', 'admin.dash.needsReview.other')}
                </Link>
              </li>
              <li>
                <Link to="/admin/deposits" data-testid="pending-deposits">
                  {counted(d.pendingDeposits, 'admin.dash.deposits.one', 'admin.dash.deposits.other')}
                </Link>
              </li>
            </ul>
          </div>
          <div className="card" data-testid="providers">
            <h2>{t('admin.dash.balances')}</h2>
            <table>
              <thead>
                <tr>
                  <th>{t('admin.dash.col.provider')}</th>
                  <th>{t('admin.dash.col.balance')}</th>
                  <th>{t('admin.dash.col.checked')}</th>
                </tr>
              </thead>
              <tbody>
                {d.providers.map((p) => (
                  <tr key={p.id} data-provider={p.name} className={p.low ? 'warn' : undefined}>
                    <td data-label={t('admin.dash.col.provider')} translate="no">
                      {p.name}
                    </td>
                    <td data-label={t('admin.dash.col.balance')}>
                      <span translate="no">
                        {p.balance === null ? '—' : formatMoney(p.balance, p.currency ?? undefined)}
                      </span>
                      {p.low && (
                        <strong className="badge warn" data-testid="low-balance">
                          {' '}
                          {said('admin.dash.low', { amount: formatMoney(d.lowBalanceUSD, 'USD') })}
                        </strong>
                      )}
                    </td>
                    <td data-label={t('admin.dash.col.checked')}>
                      {p.balanceAt ? formatDateTime(p.balanceAt) : t('admin.dash.never')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card" data-testid="queues">
            <h2>{t('admin.dash.queues')}</h2>
            {d.queues === null ? (
              <p className="warn">{t('admin.dash.noRedis')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>{t('admin.dash.col.queue')}</th>
                    <th>{t('admin.dash.col.waiting')}</th>
                    <th>{t('admin.dash.col.active')}</th>
                    <th>{t('admin.dash.col.delayed')}</th>
                    <th>{t('admin.dash.col.failed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.queues.map((q) => (
                    <tr key={q.name} data-queue={q.name}>
                      <td data-label={t('admin.dash.col.queue')} translate="no">
                        {q.name}
                      </td>
                      <td data-label={t('admin.dash.col.waiting')}>{q.waiting}</td>
                      <td data-label={t('admin.dash.col.active')}>{q.active}</td>
                      <td data-label={t('admin.dash.col.delayed')}>{q.delayed}</td>
                      <td
                        data-label={t('admin.dash.col.failed')}
                        className={q.failed > 0 ? 'warn' : undefined}
                      >
                        {q.failed}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <dl className="facts stats">
              <dt>{t('admin.sync.lag')}</dt>
              <dd data-testid="sync-lag" className={d.sync.lagSeconds > 300 ? 'warn' : undefined}>
                {durationText(d.sync.lagSeconds)}
              </dd>
              <dt>{t('admin.sync.due')}</dt>
              <dd>{d.sync.dueOrders}</dd>
              <dt>{t('admin.sync.live')}</dt>
              <dd>{d.sync.liveOrders}</dd>
            </dl>
            <p>
              <a href="/admin/queues" translate="no">
                Bull Board
              </a>{' '}
              · <Link to="/admin/orders/sync">{t('admin.dash.syncPage')}</Link>
            </p>
          </div>
        </>
      )}
    </section>
  );
}
