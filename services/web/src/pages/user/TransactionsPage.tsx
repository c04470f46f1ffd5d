import { useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import { TRANSACTION_KINDS, type Transaction, type TransactionPage } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { Say } from '../../components/Say.tsx';
import { dayStart, formatDateTime, transactionKindLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney, isNegative } from '../../lib/money.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const PAGE_SIZE = 50;

/** Every move of the customer's balance (the ledger), newest first: what moved, and the balance after. */
export function TransactionsPage() {
  usePageTitle(t('nav.transactions'));
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Date inputs hold `YYYY-MM-DD` (local days): the API takes instants, `to` exclusive.
  const fromIso = dayStart(from);
  const toIso = dayStart(to, true);
  const backwards = from !== '' && to !== '' && from > to;
  const key = JSON.stringify({ kind, fromIso, toIso, backwards });
  const list = usePaged<Transaction>(key, async (cursor) => {
    if (backwards) return { items: [], nextCursor: null };
    const r = await api<TransactionPage>(
      'GET',
      `/api/user/transactions${query({ kind, from: fromIso, to: toIso, cursor, limit: PAGE_SIZE })}`,
    );
    return { items: r.items, nextCursor: r.nextCursor };
  });
  const filtered = kind !== '' || from !== '' || to !== '';

  return (
    <section className="card wide">
      <div className="heading">
        <h1>{t('nav.transactions')}</h1>
        <Link to="/user/funds" className="button">
          {t('nav.funds')}
        </Link>
      </div>
      <div className="filters">
        <label>
          {t('tx.kind')}{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {TRANSACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {transactionKindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tx.from')}{' '}
          <input
            name="from"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label>
          {t('tx.to')}{' '}
          <input
            name="to"
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        {filtered && (
          <button
            type="button"
            onClick={() => {
              setKind('');
              setFrom('');
              setTo('');
            }}
          >
            {t('common.clear')}
          </button>
        )}
        <button type="button" onClick={() => list.reload()} disabled={list.loading}>
          {t('common.refresh')}
        </button>
      </div>
      {backwards && <p className="warn">{t('tx.backwards')}</p>}
      <ErrorNote error={list.error} />
      <table className="rows" data-testid="transactions">
        <thead>
          <tr>
            <th>{t('tx.col.date')}</th>
            <th>{t('tx.col.kind')}</th>
            <th className="num">{t('tx.col.amount')}</th>
            <th className="num">{t('tx.col.balanceAfter')}</th>
            <th>{t('tx.col.for')}</th>
            <th>{t('tx.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((tx) => (
            <tr key={tx.id} data-transaction-id={tx.id} data-kind={tx.kind}>
              <td data-label={t('tx.col.date')} className="nowrap">
                {formatDateTime(tx.createdAt)}
              </td>
              <td data-label={t('tx.col.kind')}>{transactionKindLabel(tx.kind)}</td>
              <td
                data-label={t('tx.col.amount')}
                data-testid="amount"
                className={isNegative(tx.amount) ? 'num nowrap debit' : 'num nowrap credit'}
              >
                {formatMoney(tx.amount, tx.currency, { places: 2, signed: true })}
              </td>
              <td data-label={t('tx.col.balanceAfter')} data-testid="balance-after" className="num nowrap">
                {formatMoney(tx.balanceAfter, tx.currency, { places: 2 })}
              </td>
              <td data-label={t('tx.col.for')}>
                <TransactionSubject tx={tx} />
              </td>
              {/* A note is written by an admin: data, shown as written. */}
              <td data-label={t('tx.col.note')} className="note-cell" translate="no">
                {tx.note ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && (
        <p className="muted" data-testid="no-transactions">
          {filtered ? t('tx.noMatch') : t('tx.none')}
        </p>
      )}
      {list.loading && <p className="muted">{t('common.loading')}</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className="more" onClick={() => list.more()}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}

/** What a ledger row belongs to: an order (by its number), a deposit (by its transaction id), or nothing. */
function TransactionSubject({ tx }: { tx: Transaction }) {
  if (tx.orderNumber !== null) {
    return (
      <span>
        <Say k="tx.order" parts={{ number: <OrderNumber number={tx.orderNumber} /> }} />
      </span>
    );
  }
  if (tx.depositId !== null || tx.depositTransactionId !== null) {
    return (
      <span>
        {t('tx.deposit')}
        {tx.depositTransactionId && (
          <>
            {' '}
            <code className="txid">{tx.depositTransactionId}</code>
          </>
        )}
      </span>
    );
  }
  return <span className="muted">—</span>;
}
