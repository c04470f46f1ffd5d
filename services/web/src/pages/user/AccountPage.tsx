import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { ChangePasswordBody } from '../../api/types.ts';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import {
  hasProblems,
  noProblems,
  type Problems,
  problemsFrom,
  retryAfterSeconds,
  withoutField,
} from '../../lib/form-problems.ts';
import { formatDateTime } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney } from '../../lib/money.ts';
import { useAuthConfig } from '../../lib/useAuthConfig.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../../session/context.ts';

type PasswordField = 'currentPassword' | 'newPassword' | 'repeatPassword';
const FIELDS: readonly PasswordField[] = ['currentPassword', 'newPassword', 'repeatPassword'];

/** What the form says, in the language chosen when it is said. */
const TEXT = {
  current: () => t('account.err.current'),
  wrong: () => t('account.err.wrong'),
  short: (min: number) => t('account.err.short', { min }),
  same: () => t('account.err.same'),
  repeat: () => t('account.err.repeat'),
  changedMeanwhile: () => t('account.err.changedMeanwhile'),
};

function checkShape(
  v: { currentPassword: string; newPassword: string; repeatPassword: string },
  min: number | null,
): Problems<PasswordField> {
  const p = noProblems<PasswordField>();
  if (!v.currentPassword) p.fields.currentPassword = TEXT.current();
  if (min !== null && v.newPassword.length < min) p.fields.newPassword = TEXT.short(min);
  else if (v.newPassword && v.newPassword === v.currentPassword) p.fields.newPassword = TEXT.same();
  if (!p.fields.newPassword && v.repeatPassword !== v.newPassword) p.fields.repeatPassword = TEXT.repeat();
  return p;
}

function passwordProblems(e: unknown, min: number | null): Problems<PasswordField> {
  if (!(e instanceof ApiError)) return problemsFrom(e, FIELDS, {});
  switch (e.code) {
    case 'WRONG_PASSWORD':
      return { fields: { currentPassword: TEXT.wrong() }, form: null };
    case 'RATE_LIMITED': {
      const s = retryAfterSeconds(e);
      return {
        fields: {},
        form: s ? t('account.err.tooManyIn', { s }) : t('error.tooManyAttempts'),
      };
    }
    case 'CONFLICT':
      return { fields: {}, form: TEXT.changedMeanwhile() };
    case 'DEPENDENCY_UNAVAILABLE':
      return { fields: {}, form: t('error.busyShort') };
    case 'NETWORK':
      return { fields: {}, form: t('error.NETWORK') };
    case 'VALIDATION_ERROR': {
      const p = problemsFrom(e, FIELDS, {});
      const m = p.fields.newPassword;
      // The server's words for the new password, as the form says them.
      if (m && /differ/.test(m)) p.fields.newPassword = TEXT.same();
      else if (m && min !== null) p.fields.newPassword = TEXT.short(min);
      if (p.fields.currentPassword) p.fields.currentPassword = TEXT.current();
      return p;
    }
    default:
      return { fields: {}, form: e.message };
  }
}

/** The customer's account: who they are, and a new password. */
export function AccountPage() {
  usePageTitle(t('nav.account'));
  const { me } = useSession();
  const { config } = useAuthConfig();
  const min = config?.passwordMinLength ?? null;
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeatPassword, setRepeat] = useState('');
  const [problems, setProblems] = useState<Problems<PasswordField>>(noProblems);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);

  function edited(field: PasswordField, set: (v: string) => void, value: string) {
    set(value);
    setChanged(false);
    setProblems((p) => withoutField(p, field));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const shape = checkShape({ currentPassword, newPassword, repeatPassword }, min);
    if (hasProblems(shape)) {
      setProblems(shape);
      return;
    }
    setBusy(true);
    setProblems(noProblems());
    setChanged(false);
    try {
      const body: ChangePasswordBody = { currentPassword, newPassword };
      await api('POST', '/api/user/password', body);
      setChanged(true);
      setCurrent('');
      setNew('');
      setRepeat('');
    } catch (err) {
      setProblems(passwordProblems(err, min));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('nav.account')}</h1>
      {me && (
        <dl className="facts account-facts" data-testid="account-facts">
          <dt>{t('account.email')}</dt>
          <dd translate="no">{me.email}</dd>
          <dt>{t('account.name')}</dt>
          <dd translate="no">{me.name}</dd>
          <dt>{t('account.currency')}</dt>
          <dd>{me.currency}</dd>
          <dt>{t('account.balance')}</dt>
          <dd translate="no">{formatMoney(me.balance, me.currency)}</dd>
          <dt>{t('account.since')}</dt>
          <dd>{formatDateTime(me.createdAt)}</dd>
        </dl>
      )}
      <form className="form boxed" onSubmit={submit} noValidate data-testid="password-form">
        <h2>{t('account.change')}</h2>
        <Field label={t('account.current')} error={problems.fields.currentPassword}>
          <input
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            maxLength={256}
            value={currentPassword}
            onChange={(e) => edited('currentPassword', setCurrent, e.target.value)}
          />
        </Field>
        <Field
          label={t('account.new')}
          error={problems.fields.newPassword}
          hint={
            min !== null ? (
              <span data-testid="password-rule">{t('account.atLeast', { min })}</span>
            ) : undefined
          }
        >
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={min ?? undefined}
            maxLength={256}
            value={newPassword}
            onChange={(e) => edited('newPassword', setNew, e.target.value)}
          />
        </Field>
        <Field label={t('account.again')} error={problems.fields.repeatPassword}>
          <input
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            maxLength={256}
            value={repeatPassword}
            onChange={(e) => edited('repeatPassword', setRepeat, e.target.value)}
          />
        </Field>
        {problems.form && (
          <div className="error" role="alert" data-testid="error">
            {problems.form}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('account.changing') : t('account.change')}
        </button>
      </form>
      <Notice>{changed && t('account.changed')}</Notice>
    </section>
  );
}
