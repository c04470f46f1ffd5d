import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import type { Currency } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Field } from '../components/Field.tsx';
import {
  COMMON_TEXT,
  hasProblems,
  noProblems,
  type Problems,
  problemsFrom,
  retryAfterSeconds,
  withoutField,
} from '../lib/form-problems.ts';
import { useAuthConfig } from '../lib/useAuthConfig.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { useSession } from '../session/context.ts';

type RegisterField = 'email' | 'name' | 'password' | 'currency';
const FIELDS: readonly RegisterField[] = ['email', 'name', 'password', 'currency'];
const CURRENCIES: readonly Currency[] = ['BDT', 'USD'];

/** Where a new customer starts: what can be ordered, and at what price. */
const AFTER_REGISTER = '/services';

const TEXT = {
  email: 'Write your email address, like name@example.com.',
  emailTaken: 'An account with this email already exists: sign in instead.',
  name: 'Write your name.',
  password: (min: number) => `The password must be at least ${min} characters.`,
  currency: 'Choose BDT or USD.',
};

function checkShape(v: { email: string; name: string; password: string }, min: number) {
  const p = noProblems<RegisterField>();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) p.fields.email = TEXT.email;
  if (!v.name.trim()) p.fields.name = TEXT.name;
  if (v.password.length < min) p.fields.password = TEXT.password(min);
  return p;
}

function registerProblems(e: unknown, min: number): Problems<RegisterField> | 'closed' {
  if (!(e instanceof ApiError)) return problemsFrom(e, FIELDS, {});
  switch (e.code) {
    case 'EMAIL_TAKEN':
      return { fields: { email: TEXT.emailTaken }, form: null };
    case 'REGISTRATION_CLOSED':
      return 'closed';
    case 'RATE_LIMITED':
      return { fields: {}, form: COMMON_TEXT.rateLimited(retryAfterSeconds(e)) };
    case 'NETWORK':
      return { fields: {}, form: COMMON_TEXT.network };
    case 'VALIDATION_ERROR':
      return problemsFrom(e, FIELDS, {
        email: TEXT.email,
        name: TEXT.name,
        password: TEXT.password(min),
        currency: TEXT.currency,
      });
    default:
      return { fields: {}, form: e.message };
  }
}

function RegistrationClosed() {
  return (
    <section className="card narrow" data-testid="registration-closed">
      <h1>Registration is closed</h1>
      <p>New accounts cannot be opened here at the moment.</p>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>.
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
  usePageTitle(isClosed ? 'Registration closed' : 'Create an account');

  if (me && !busy) return <Navigate to={AFTER_REGISTER} replace />;
  if (configError) {
    return (
      <section className="card narrow">
        <h1>Create an account</h1>
        <ErrorNote error={configError} />
      </section>
    );
  }
  if (!config) return <p className="muted pad">Loading…</p>;
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
      <h1>Create an account</h1>
      <form onSubmit={submit} className="form" noValidate data-testid="register-form">
        <Field label="Email" error={problems.fields.email}>
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => edited('email', setEmail, e.target.value)}
          />
        </Field>
        <Field label="Name" error={problems.fields.name}>
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
          label="Password"
          error={problems.fields.password}
          hint={<span data-testid="password-rule">at least {min} characters</span>}
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
          label="Currency"
          error={problems.fields.currency}
          hint="your balance and every price are in this currency"
        >
          <select
            name="currency"
            value={currency}
            onChange={(e) => edited('currency', (v) => setCurrency(v as Currency), e.target.value)}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c === 'BDT' ? 'BDT (Bangladeshi taka)' : 'USD (US dollar)'}
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
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p className="muted">
        Already have an account? <Link to="/login">Sign in</Link>
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
      New here? <Link to="/register">Create an account</Link>
    </p>
  );
}
