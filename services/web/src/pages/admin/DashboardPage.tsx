import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { ReplyOf } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatCount, formatDateTime, formatSeconds } from '../../lib/format.ts';
import { formatMoney } from '../../lib/money.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

type Dashboard = ReplyOf<'/api/admin/dashboard', 'get'>;
type Figures = Dashboard['today'];

const REFRESH_MS = 30_000;

function Period({ title, f, testId }: { title: string; f: Figures; testId: string }) {
  return (
    <div className="card" data-testid={testId}>
      <h2>{title}</h2>
      <dl className="facts stats">
        <dt>Orders</dt>
        <dd data-testid="orders">{formatCount(f.orders)}</dd>
        <dt>Revenue</dt>
        <dd data-testid="revenue">{formatMoney(f.revenueUSD, 'USD')}</dd>
        <dt>Provider cost</dt>
        <dd data-testid="cost">{formatMoney(f.providerCostUSD, 'USD')}</dd>
        <dt>Profit</dt>
        <dd data-testid="profit">{formatMoney(f.profitUSD, 'USD')}</dd>
      </dl>
      {f.ordersWithoutCost > 0 && (
        <p className="muted">
          {f.ordersWithoutCost} order{f.ordersWithoutCost === 1 ? '' : 's'} without a provider charge yet:
          left out of the profit.
        </p>
      )}
    </div>
  );
}

/** What an admin looks at first (GET /api/admin/dashboard), refreshed every 30 s. */
export function DashboardPage() {
  usePageTitle('Dashboard');
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
        <h1>Dashboard</h1>
        {d && <span className="muted">Days begin in {d.timeZone}</span>}
      </div>
      <ErrorNote error={error} />
      {d && (
        <>
          <div className="grid two">
            <Period title="Today" f={d.today} testId="today" />
            <Period title="Last 7 days" f={d.last7Days} testId="week" />
          </div>
          <div className="card" data-testid="attention">
            <h2>Waiting for you</h2>
            <ul className="plain">
              <li>
                <Link to="/admin/orders?status=needs_review" data-testid="needs-review">
                  {d.needsReview} order{d.needsReview === 1 ? '' : 's'} need review
                </Link>
              </li>
              <li>
                <Link to="/admin/deposits" data-testid="pending-deposits">
                  {d.pendingDeposits} deposit{d.pendingDeposits === 1 ? '' : 's'} to check
                </Link>
              </li>
            </ul>
          </div>
          <div className="card" data-testid="providers">
            <h2>Provider balances</h2>
            <table>
              <thead>
                <tr>
                  <th>Provider</th>
                  <th>Balance</th>
                  <th>Checked</th>
                </tr>
              </thead>
              <tbody>
                {d.providers.map((p) => (
                  <tr key={p.id} data-provider={p.name} className={p.low ? 'warn' : undefined}>
                    <td data-label="Provider">{p.name}</td>
                    <td data-label="Balance">
                      {p.balance === null ? '—' : formatMoney(p.balance, p.currency ?? undefined)}
                      {p.low && (
                        <strong className="badge warn" data-testid="low-balance">
                          {' '}
                          low (under {formatMoney(d.lowBalanceUSD, 'USD')})
                        </strong>
                      )}
                    </td>
                    <td data-label="Checked">{p.balanceAt ? formatDateTime(p.balanceAt) : 'never'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card" data-testid="queues">
            <h2>Queues and sync</h2>
            {d.queues === null ? (
              <p className="warn">Redis does not answer: queue depths are unknown.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Queue</th>
                    <th>Waiting</th>
                    <th>Active</th>
                    <th>Delayed</th>
                    <th>Failed</th>
                  </tr>
                </thead>
                <tbody>
                  {d.queues.map((q) => (
                    <tr key={q.name} data-queue={q.name}>
                      <td data-label="Queue">{q.name}</td>
                      <td data-label="Waiting">{q.waiting}</td>
                      <td data-label="Active">{q.active}</td>
                      <td data-label="Delayed">{q.delayed}</td>
                      <td data-label="Failed" className={q.failed > 0 ? 'warn' : undefined}>
                        {q.failed}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <dl className="facts stats">
              <dt>Sync lag</dt>
              <dd data-testid="sync-lag" className={d.sync.lagSeconds > 300 ? 'warn' : undefined}>
                {formatSeconds(d.sync.lagSeconds)}
              </dd>
              <dt>Orders due for a check</dt>
              <dd>{d.sync.dueOrders}</dd>
              <dt>Orders live at providers</dt>
              <dd>{d.sync.liveOrders}</dd>
            </dl>
            <p>
              <a href="/admin/queues">Bull Board</a> · <Link to="/admin/orders/sync">Sync page</Link>
            </p>
          </div>
        </>
      )}
    </section>
  );
}
