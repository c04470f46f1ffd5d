import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import type { Currency } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Field } from '../components/Field.tsx';
import {
  hasProblems,
  noProblems,
  type Problems,
  problemsFrom,
  retryAfterSeconds,
  withoutField,
} from '../lib/form-problems.ts';
import { t } from '../lib/i18n.ts';
import { useAuthConfig } from '../lib/useAuthConfig.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { useSession } from '../session/context.ts';

type RegisterField = 'email' | 'name' | 'password' | 'currency';
const FIELDS: readonly RegisterField[] = ['email', 'name', 'password', 'currency'];
const CURRENCIES: readonly Currency[] = ['BDT', 'USD'];

/** Where a new customer starts: what can be ordered, and at what price. */
const AFTER_REGISTER = '/services';

/** What the form says, in the language chosen when it is said. */
const TEXT = {
  email: () => t('field.email'),
  emailTaken: () => t('register.err.emailTaken'),
  name: () => t('register.err.name'),
  password: (min: number) => t('register.err.password', { min }),
  currency: () => t('register.err.currency'),
};

function checkShape(v: { email: string; name: string; password: string }, min: number) {
  const p = noProblems<RegisterField>();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) p.fields.email = TEXT.email();
  if (!v.name.trim()) p.fields.name = TEXT.name();
  if (v.password.length < min) p.fields.password = TEXT.password(min);
  return p;
}

function registerProblems(e: unknown, min: number): Problems<RegisterField> | 'closed' {
  if (!(e instanceof ApiError)) return problemsFrom(e, FIELDS, {});
  switch (e.code) {
    case 'EMAIL_TAKEN':
      return { fields: { email: TEXT.emailTaken() }, form: null };
    case 'REGISTRATION_CLOSED':
      return 'closed';
    case 'RATE_LIMITED':
      return { fields: {}, form: rateLimitedText(retryAfterSeconds(e)) };
    case 'NETWORK':
      return { fields: {}, form: t('error.NETWORK') };
    case 'VALIDATION_ERROR':
      return problemsFrom(e, FIELDS, {
        email: TEXT.email(),
        name: TEXT.name(),
        password: TEXT.password(min),
        currency: TEXT.currency(),
      });
    default:
      return { fields: {}, form: e.message };
  }
}

function rateLimitedText(seconds: number | null): string {
  return seconds ? t('error.tooManyAttemptsIn', { s: seconds }) : t('error.tooManyAttempts');
}

function RegistrationClosed() {
  return (
    <section className="card narrow" data-testid="registration-closed">
      <h1>{t('register.closed')}</h1>
      <p>{t('register.closedBody')}</p>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('register.signIn')}</Link>.
      </p>
    </section>
  );
}

/** A new customer's account: only while the panel takes registrations (GET /api/auth/config). */
export function RegisterPage() {
  const { me, register } = useSession();
  const navigate = useNavigate();
  const { config, error: configError } = useAuthConfig();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [currency, setCurrency] = useState<Currency>('BDT');
  const [problems, setProblems] = useState<Problems<RegisterField>>(noProblems);
  const [closed, setClosed] = useState(false);
  const [busy, setBusy] = useState(false);
  const isClosed = closed || config?.registration === false;
  usePageTitle(isClosed ? t('register.closedTitle') : t('register.title'));

  if (me && !busy) return <Navigate to={AFTER_REGISTER} replace />;
  if (configError) {
    return (
      <section className="card narrow">
        <h1>{t('register.title')}</h1>
        <ErrorNote error={configError} />
      </section>
    );
  }
  if (!config) return <p className="muted pad">{t('common.loading')}</p>;
  if (isClosed) return <RegistrationClosed />;
  const min = config.passwordMinLength;

  function edited(field: RegisterField, set: (v: string) => void, value: string) {
    set(value);
    setProblems((p) => withoutField(p, field));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const shape = checkShape({ email, name, password }, min);
    if (hasProblems(shape)) {
      setProblems(shape);
      return;
    }
    setBusy(true);
    setProblems(noProblems());
    try {
      await register({ email: email.trim(), name: name.trim(), password, currency });
      navigate(AFTER_REGISTER, { replace: true });
    } catch (err) {
      const p = registerProblems(err, min);
      if (p === 'closed') setClosed(true);
      else setProblems(p);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('register.title')}</h1>
      <form onSubmit={submit} className="form" noValidate data-testid="register-form">
        <Field label={t('register.email')} error={problems.fields.email}>
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => edited('email', setEmail, e.target.value)}
          />
        </Field>
        <Field label={t('register.name')} error={problems.fields.name}>
          <input
            name="name"
            autoComplete="name"
            maxLength={100}
            required
            value={name}
            onChange={(e) => edited('name', setName, e.target.value)}
          />
        </Field>
        <Field
          label={t('register.password')}
          error={problems.fields.password}
          hint={<span data-testid="password-rule">{t('register.atLeast', { min })}</span>}
        >
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={min}
            maxLength={256}
            required
            value={password}
            onChange={(e) => edited('password', setPassword, e.target.value)}
          />
        </Field>
        <Field
          label={t('register.currency')}
          error={problems.fields.currency}
          hint={t('register.currencyHint')}
        >
          <select
            name="currency"
            value={currency}
            onChange={(e) => edited('currency', (v) => setCurrency(v as Currency), e.target.value)}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c === 'BDT' ? t('register.bdt') : t('register.usd')}
              </option>
            ))}
          </select>
        </Field>
        {problems.form && (
          <div className="error" role="alert" data-testid="error">
            {problems.form}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('register.creating') : t('register.submit')}
        </button>
      </form>
      <p className="muted">
        {t('register.haveAccount')} <Link to="/login">{t('register.signIn')}</Link>
      </p>
    </section>
  );
}

/** The sign-in page's way to a new account: shown only while registration is open. */
export function RegisterLink() {
  const { config } = useAuthConfig();
  if (!config?.registration) return null;
  return (
    <p className="muted" data-testid="register-link">
      {t('register.newHere')} <Link to="/register">{t('register.title')}</Link>
    </p>
  );
}
