import { useCallback, useState } from 'react';
import { api, query } from '../../api/client.ts';
import { type AdminDeposit, type AdminDepositPage, DEPOSIT_STATUSES } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { depositStatusLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AdminDepositRow } from './AdminDepositRow.tsx';
import { said } from './words.tsx';

const PAGE_SIZE = 50;

/** A transaction id is at most 64 characters: a longer search matches none (the API would answer 400). */
const TRANSACTION_ID_MAX = 64;

function loadDeposits(filters: { status?: string; transactionId?: string }) {
  return async (cursor: string | null) => {
    if ((filters.transactionId?.length ?? 0) > TRANSACTION_ID_MAX) return { items: [], nextCursor: null };
    const r = await api<AdminDepositPage>(
      'GET',
      `/api/admin/deposits${query({ ...filters, cursor, limit: PAGE_SIZE })}`,
    );
    return { items: r.items, nextCursor: r.nextCursor };
  };
}

function DepositTable(props: { testId: string; items: AdminDeposit[]; onChanged(d: AdminDeposit): void }) {
  return (
    <table className="rows deposits" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{t('admin.dep.col.submitted')}</th>
          <th>{t('admin.dep.col.user')}</th>
          <th>{t('admin.dep.col.method')}</th>
          <th>{t('admin.dep.col.amount')}</th>
          <th>{t('admin.dep.col.transactionId')}</th>
          <th>{t('admin.dep.col.sender')}</th>
          <th>{t('admin.dep.col.note')}</th>
          <th>{t('admin.dep.col.status')}</th>
          <th>{t('admin.dep.col.decide')}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((d) => (
          <AdminDepositRow key={d.id} deposit={d} onChanged={props.onChanged} />
        ))}
      </tbody>
    </table>
  );
}

/**
 * Deposits: the requests waiting for a decision first, then every request, found by the wallet's
 * transaction id or by status. A decision shows on its row in both lists.
 */
export function AdminDepositsPage() {
  usePageTitle(t('admin.dep.tabTitle'));
  const [transactionId, setTransactionId] = useState('');
  const [status, setStatus] = useState('');
  const search = useDebounced(transactionId.trim());
  const queue = usePaged<AdminDeposit>('pending', loadDeposits({ status: 'pending' }));
  const all = usePaged<AdminDeposit>(
    JSON.stringify({ search, status }),
    loadDeposits({ status, transactionId: search }),
  );

  const { setItems: setQueue } = queue;
  const { setItems: setAll } = all;
  const changed = useCallback(
    (d: AdminDeposit) => {
      const swap = (items: AdminDeposit[]) => items.map((x) => (x.id === d.id ? d : x));
      setQueue(swap);
      setAll(swap);
    },
    [setQueue, setAll],
  );

  return (
    <>
      <section className="card wide">
        <div className="heading">
          <h1>{t('admin.dep.title')}</h1>
          <button type="button" onClick={() => queue.reload()} disabled={queue.loading}>
            {t('admin.refresh')}
          </button>
        </div>
        <p className="muted small">{t('admin.dep.intro')}</p>
        <ErrorNote error={queue.error} />
        <DepositTable testId="pending-deposits" items={queue.items} onChanged={changed} />
        {!queue.loading && queue.items.length === 0 && (
          <p className="muted" data-testid="no-pending">
            {t('admin.dep.nothingWaiting')}
          </p>
        )}
        {queue.loading && <p className="muted">{t('admin.loading')}</p>}
        {queue.hasMore && !queue.loading && (
          <button type="button" className="more" onClick={() => queue.more()}>
            {t('admin.more')}
          </button>
        )}
      </section>
      <section className="card wide">
        <h2>{t('admin.dep.all')}</h2>
        <div className="filters">
          <label>
            {t('admin.dep.transactionId')}{' '}
            <input
              name="transactionId"
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={transactionId}
              onChange={(e) => setTransactionId(e.target.value)}
            />
          </label>
          <label>
            {t('admin.dep.status')}{' '}
            <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('admin.all')}</option>
              {DEPOSIT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {depositStatusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => all.reload()} disabled={all.loading}>
            {t('admin.refresh')}
          </button>
        </div>
        <ErrorNote error={all.error} />
        <DepositTable testId="all-deposits" items={all.items} onChanged={changed} />
        {!all.loading && all.items.length === 0 && (
          <p className="muted" data-testid="no-deposits">
            {search ? said('admin.dep.noTransaction', { id: search }) : t('admin.dep.none')}
          </p>
        )}
        {all.loading && <p className="muted">{t('admin.loading')}</p>}
        {all.hasMore && !all.loading && (
          <button type="button" className="more" onClick={() => all.more()}>
            {t('admin.more')}
          </button>
        )}
      </section>
    </>
  );
}
