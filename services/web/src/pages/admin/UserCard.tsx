import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ReplyOf } from '../../api/types.ts';
import { ErrorNote, fieldError } from '../../components/ErrorNote.tsx';
import { formatDateTime, transactionKindLabel } from '../../lib/format.ts';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';

export type AdminUser = ReplyOf<'/api/admin/users', 'get'>['users'][number];
type Transactions = ReplyOf<'/api/admin/users/{id}/transactions', 'get'>;
type Balance = ReplyOf<'/api/admin/users/{id}/balance', 'post'>;

interface Props {
  user: AdminUser;
  onChanged(u: AdminUser, message: string): void;
}

/** One user: balance add/deduct with a note, suspend/activate, dollar rate and currency, password reset, ledger. */
export function UserCard({ user: u, onChanged }: Props) {
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [rate, setRate] = useState(u.dollarRate.replace(/\.?0+$/, ''));
  const [password, setPassword] = useState('');
  const [ledger, setLedger] = useState<Transactions['items'] | null>(null);
  const balance = useAction();
  const settings = useAction();
  const reset = useAction();

  const patch = (body: Record<string, string>, message: string) =>
    settings.run(async () => {
      const r = await api<{ user: AdminUser }>('PATCH', `/api/admin/users/${u.id}`, body);
      onChanged(r.user, message);
    });

  async function adjust(e: FormEvent, sign: '' | '-') {
    e.preventDefault();
    const value = `${sign}${amount.trim()}`;
    const r = await balance.run(() =>
      api<Balance>('POST', `/api/admin/users/${u.id}/balance`, { amount: value, note: note.trim() }),
    );
    if (r) {
      setAmount('');
      setNote('');
      onChanged(
        { ...u, balance: r.balance },
        `${u.email}: ${formatMoney(r.amount, r.currency, { signed: true })}, balance now ${formatMoney(r.balance, r.currency)}.`,
      );
      if (ledger) void showLedger();
    }
  }

  async function showLedger() {
    const r = await api<Transactions>('GET', `/api/admin/users/${u.id}/transactions?limit=20`);
    setLedger(r.items);
  }

  async function resetPassword(e: FormEvent) {
    e.preventDefault();
    if (!window.confirm(`Set a new password for ${u.email}? Their old one stops working.`)) return;
    const r = await reset.run(() => api('POST', `/api/admin/users/${u.id}/password`, { password }));
    if (r) {
      setPassword('');
      onChanged(u, `${u.email}: password set. Tell them the new one privately.`);
    }
  }

  const suspended = u.status === 'suspended';
  return (
    <article className="user-card" data-user-id={u.id}>
      <header>
        <h2>{u.name}</h2>
        <span className="muted">{u.email}</span>
        <span className={`badge ${suspended ? 's-canceled' : 's-completed'}`} data-testid="user-status">
          {suspended ? 'suspended' : 'active'}
        </span>
        {u.role === 'admin' && <span className="badge">admin</span>}
      </header>
      <dl className="facts">
        <dt>Balance</dt>
        <dd data-testid="user-balance">{formatMoney(u.balance, u.currency)}</dd>
        <dt>Dollar rate</dt>
        <dd>{u.dollarRate.replace(/\.?0+$/, '')} BDT per USD</dd>
        <dt>Joined</dt>
        <dd>{formatDateTime(u.createdAt)}</dd>
      </dl>

      <form className="inline" onSubmit={(e) => adjust(e, '')} data-testid="balance-form">
        <label>
          Amount ({u.currency})
          <input
            name="amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label>
          Note
          <input name="note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="why" />
        </label>
        <button type="submit" disabled={balance.busy || !amount.trim() || !note.trim()}>
          Add
        </button>
        <button
          type="button"
          disabled={balance.busy || !amount.trim() || !note.trim()}
          onClick={(e) => adjust(e, '-')}
        >
          Deduct
        </button>
      </form>
      <ErrorNote error={balance.error} />

      <div className="row-actions">
        <button
          type="button"
          data-testid="toggle-status"
          disabled={settings.busy}
          onClick={() => {
            const verb = suspended ? 'Activate' : 'Suspend';
            if (!window.confirm(`${verb} ${u.email}?`)) return;
            void patch(
              { status: suspended ? 'active' : 'suspended' },
              `${u.email} ${suspended ? 'activated' : 'suspended'}.`,
            );
          }}
        >
          {suspended ? 'Activate' : 'Suspend'}
        </button>
        <label>
          Dollar rate
          <input
            name="dollarRate"
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={settings.busy || !rate.trim()}
          onClick={() => void patch({ dollarRate: rate.trim() }, `${u.email}: dollar rate ${rate.trim()}.`)}
        >
          Save rate
        </button>
        <button
          type="button"
          disabled={settings.busy}
          title="Only while the balance is zero"
          onClick={() => {
            const next = u.currency === 'BDT' ? 'USD' : 'BDT';
            void patch({ currency: next }, `${u.email} now pays in ${next}.`);
          }}
        >
          Switch to {u.currency === 'BDT' ? 'USD' : 'BDT'}
        </button>
      </div>
      <ErrorNote error={settings.error} />

      <form className="inline" onSubmit={resetPassword} data-testid="password-form">
        <label>
          New password
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              reset.setError(null);
            }}
          />
        </label>
        <button type="submit" disabled={reset.busy || password.length === 0}>
          Set password
        </button>
      </form>
      {fieldError(reset.error, 'password') ? (
        <p className="field-error">At least 8 characters.</p>
      ) : (
        <ErrorNote error={reset.error} />
      )}

      <button type="button" className="link" onClick={() => void showLedger()} data-testid="show-ledger">
        {ledger ? 'Refresh transactions' : 'Show transactions'}
      </button>
      {ledger && (
        <table data-testid="user-ledger">
          <thead>
            <tr>
              <th>Date</th>
              <th>Kind</th>
              <th>Amount</th>
              <th>Balance after</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {ledger.map((l) => (
              <tr key={l.id}>
                <td data-label="Date">{formatDateTime(l.createdAt)}</td>
                <td data-label="Kind">
                  {transactionKindLabel(l.kind)}
                  {l.orderNumber ? ` #${l.orderNumber}` : ''}
                </td>
                <td data-label="Amount">{formatMoney(l.amount, l.currency, { signed: true })}</td>
                <td data-label="Balance after">{formatMoney(l.balanceAfter, l.currency)}</td>
                <td data-label="Note">{l.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
