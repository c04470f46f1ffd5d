import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ReplyOf } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatDateTime, transactionKindLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { useAdminProblems } from './problems.ts';
import { said } from './words.tsx';

export type AdminUser = ReplyOf<'/api/admin/users', 'get'>['users'][number];
type Transactions = ReplyOf<'/api/admin/users/{id}/transactions', 'get'>;
type Balance = ReplyOf<'/api/admin/users/{id}/balance', 'post'>;

const BALANCE_FIELDS = ['amount', 'note'] as const;
const SETTINGS_FIELDS = ['status', 'dollarRate', 'currency'] as const;
const PASSWORD_FIELDS = ['password'] as const;

/** The admin's words for the user card's fields and refusals (read once: the page re-mounts on a language change). */
function cardWords() {
  return {
    balance: {
      texts: { amount: t('admin.user.field.amount'), note: t('admin.user.field.note') },
      overrides: { BALANCE_WOULD_BE_NEGATIVE: t('admin.user.belowZero') },
    },
    settings: { texts: { dollarRate: t('admin.user.field.dollarRate') } },
    password: { texts: { password: t('admin.user.field.password') } },
  };
}

interface Props {
  user: AdminUser;
  onChanged(u: AdminUser, message: ReactNode): void;
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
  const words = useMemo(cardWords, []);
  const balanceProblems = useAdminProblems(balance.error, BALANCE_FIELDS, words.balance);
  const settingsProblems = useAdminProblems(settings.error, SETTINGS_FIELDS, words.settings);
  const passwordProblems = useAdminProblems(reset.error, PASSWORD_FIELDS, words.password);
  const email = <span translate="no">{u.email}</span>;

  const patch = (body: Record<string, string>, message: ReactNode) =>
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
        said('admin.user.adjusted', {
          email: u.email,
          amount: formatMoney(r.amount, r.currency, { signed: true }),
          balance: formatMoney(r.balance, r.currency),
        }),
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
    if (!window.confirm(t('admin.user.confirmPassword', { email: u.email }))) return;
    const r = await reset.run(() => api('POST', `/api/admin/users/${u.id}/password`, { password }));
    if (r) {
      setPassword('');
      onChanged(u, said('admin.user.passwordSet', { email: u.email }));
    }
  }

  const suspended = u.status === 'suspended';
  const otherCurrency = u.currency === 'BDT' ? 'USD' : 'BDT';
  return (
    <article className="user-card" data-user-id={u.id}>
      <header>
        <h2 translate="no">{u.name}</h2>
        <span className="muted">{email}</span>
        <span className={`badge ${suspended ? 's-canceled' : 's-completed'}`} data-testid="user-status">
          {suspended ? t('admin.user.suspended') : t('admin.user.active')}
        </span>
        {u.role === 'admin' && <span className="badge">{t('admin.user.admin')}</span>}
      </header>
      <dl className="facts">
        <dt>{t('admin.user.balance')}</dt>
        <dd data-testid="user-balance" translate="no">
          {formatMoney(u.balance, u.currency)}
        </dd>
        <dt>{t('admin.user.dollarRate')}</dt>
        <dd>{said('admin.user.perUsd', { rate: u.dollarRate.replace(/\.?0+$/, '') })}</dd>
        <dt>{t('admin.user.joined')}</dt>
        <dd>{formatDateTime(u.createdAt)}</dd>
      </dl>

      <form className="inline" onSubmit={(e) => adjust(e, '')} data-testid="balance-form">
        <label className={balanceProblems.fields.amount ? 'invalid' : undefined}>
          {t('admin.user.amount', { currency: u.currency })}
          <input
            name="amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              balanceProblems.changed('amount');
            }}
          />
          {balanceProblems.fields.amount && (
            <span className="field-error">{balanceProblems.fields.amount}</span>
          )}
        </label>
        <label className={balanceProblems.fields.note ? 'invalid' : undefined}>
          {t('admin.user.note')}
          <input
            name="note"
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              balanceProblems.changed('note');
            }}
            placeholder={t('admin.user.noteHint')}
          />
          {balanceProblems.fields.note && <span className="field-error">{balanceProblems.fields.note}</span>}
        </label>
        <button type="submit" disabled={balance.busy || !amount.trim() || !note.trim()}>
          {t('admin.user.add')}
        </button>
        <button
          type="button"
          disabled={balance.busy || !amount.trim() || !note.trim()}
          onClick={(e) => adjust(e, '-')}
        >
          {t('admin.user.deduct')}
        </button>
      </form>
      <ErrorNote error={balance.error} text={balanceProblems.form} />

      <div className="row-actions">
        <button
          type="button"
          data-testid="toggle-status"
          disabled={settings.busy}
          onClick={() => {
            const question = suspended ? 'admin.user.confirmActivate' : 'admin.user.confirmSuspend';
            if (!window.confirm(t(question, { email: u.email }))) return;
            void patch(
              { status: suspended ? 'active' : 'suspended' },
              said(suspended ? 'admin.user.activated' : 'admin.user.suspendedNotice', { email: u.email }),
            );
          }}
        >
          {suspended ? t('admin.user.activate') : t('admin.user.suspend')}
        </button>
        <label className={settingsProblems.fields.dollarRate ? 'invalid' : undefined}>
          {t('admin.user.dollarRate')}
          <input
            name="dollarRate"
            inputMode="decimal"
            value={rate}
            onChange={(e) => {
              setRate(e.target.value);
              settingsProblems.changed('dollarRate');
            }}
          />
          {settingsProblems.fields.dollarRate && (
            <span className="field-error">{settingsProblems.fields.dollarRate}</span>
          )}
        </label>
        <button
          type="button"
          disabled={settings.busy || !rate.trim()}
          onClick={() =>
            void patch(
              { dollarRate: rate.trim() },
              said('admin.user.rateSaved', { email: u.email, rate: rate.trim() }),
            )
          }
        >
          {t('admin.user.saveRate')}
        </button>
        <button
          type="button"
          disabled={settings.busy}
          title={t('admin.user.switchHint')}
          onClick={() => {
            void patch(
              { currency: otherCurrency },
              said('admin.user.switched', { email: u.email, currency: otherCurrency }),
            );
          }}
        >
          {said('admin.user.switch', { currency: otherCurrency })}
        </button>
      </div>
      {settingsProblems.fields.status && <p className="field-error">{settingsProblems.fields.status}</p>}
      {settingsProblems.fields.currency && <p className="field-error">{settingsProblems.fields.currency}</p>}
      <ErrorNote error={settings.error} text={settingsProblems.form} />

      <form className="inline" onSubmit={resetPassword} data-testid="password-form">
        <label className={passwordProblems.fields.password ? 'invalid' : undefined}>
          {t('admin.user.newPassword')}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              passwordProblems.changed('password');
            }}
          />
        </label>
        <button type="submit" disabled={reset.busy || password.length === 0}>
          {t('admin.user.setPassword')}
        </button>
      </form>
      {passwordProblems.fields.password && <p className="field-error">{passwordProblems.fields.password}</p>}
      <ErrorNote error={reset.error} text={passwordProblems.form} />

      <button type="button" className="link" onClick={() => void showLedger()} data-testid="show-ledger">
        {ledger ? t('admin.user.refreshLedger') : t('admin.user.showLedger')}
      </button>
      {ledger && (
        <table data-testid="user-ledger">
          <thead>
            <tr>
              <th>{t('admin.user.col.date')}</th>
              <th>{t('admin.user.col.kind')}</th>
              <th>{t('admin.user.col.amount')}</th>
              <th>{t('admin.user.col.after')}</th>
              <th>{t('admin.user.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.map((l) => (
              <tr key={l.id}>
                <td data-label={t('admin.user.col.date')}>{formatDateTime(l.createdAt)}</td>
                <td data-label={t('admin.user.col.kind')}>
                  {transactionKindLabel(l.kind)}
                  {l.orderNumber ? ` #${l.orderNumber}` : ''}
                </td>
                <td data-label={t('admin.user.col.amount')} translate="no">
                  {formatMoney(l.amount, l.currency, { signed: true })}
                </td>
                <td data-label={t('admin.user.col.after')} translate="no">
                  {formatMoney(l.balanceAfter, l.currency)}
                </td>
                <td data-label={t('admin.user.col.note')} translate="no">
                  {l.note ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
