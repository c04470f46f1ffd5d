import { useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import { TRANSACTION_KINDS, type Transaction, type TransactionPage } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { dayStart, formatDateTime, transactionKindLabel } from '../../lib/format.ts';
import { formatMoney, isNegative } from '../../lib/money.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

const PAGE_SIZE = 50;

/** Every move of the customer's balance (the ledger), newest first: what moved, and the balance after. */
export function TransactionsPage() {
  usePageTitle('Transactions');
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
        <h1>Transactions</h1>
        <Link to="/user/funds" className="button">
          Add funds
        </Link>
      </div>
      <div className="filters">
        <label>
          Kind{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">All</option>
            {TRANSACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {transactionKindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From{' '}
          <input
            name="from"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label>
          To{' '}
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
            Clear
          </button>
        )}
        <button type="button" onClick={() => list.reload()} disabled={list.loading}>
          Refresh
        </button>
      </div>
      {backwards && <p className="warn">The “from” day is after the “to” day.</p>}
      <ErrorNote error={list.error} />
      <table className="rows" data-testid="transactions">
        <thead>
          <tr>
            <th>Date</th>
            <th>Kind</th>
            <th className="num">Amount</th>
            <th className="num">Balance after</th>
            <th>For</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((t) => (
            <tr key={t.id} data-transaction-id={t.id} data-kind={t.kind}>
              <td data-label="Date" className="nowrap">
                {formatDateTime(t.createdAt)}
              </td>
              <td data-label="Kind">{transactionKindLabel(t.kind)}</td>
              <td
                data-label="Amount"
                data-testid="amount"
                className={isNegative(t.amount) ? 'num nowrap debit' : 'num nowrap credit'}
              >
                {formatMoney(t.amount, t.currency, { places: 2, signed: true })}
              </td>
              <td data-label="Balance after" data-testid="balance-after" className="num nowrap">
                {formatMoney(t.balanceAfter, t.currency, { places: 2 })}
              </td>
              <td data-label="For">
                <TransactionSubject t={t} />
              </td>
              <td data-label="Note" className="note-cell">
                {t.note ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && (
        <p className="muted" data-testid="no-transactions">
          {filtered ? 'No transactions match.' : 'No transactions yet.'}
        </p>
      )}
      {list.loading && <p className="muted">Loading…</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className="more" onClick={() => list.more()}>
          Load more
        </button>
      )}
    </section>
  );
}

/** What a ledger row belongs to: an order (by its number), a deposit (by its transaction id), or nothing. */
function TransactionSubject({ t }: { t: Transaction }) {
  if (t.orderNumber !== null) {
    return (
      <span>
        Order <OrderNumber number={t.orderNumber} />
      </span>
    );
  }
  if (t.depositId !== null || t.depositTransactionId !== null) {
    return (
      <span>
        Deposit
        {t.depositTransactionId && (
          <>
            {' '}
            <code className="txid">{t.depositTransactionId}</code>
          </>
        )}
      </span>
    );
  }
  return <span className="muted">—</span>;
}
