import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Field } from '../components/Field.tsx';
import { Say } from '../components/Say.tsx';
import { t } from '../lib/i18n.ts';
import { useAction } from '../lib/useAction.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { useProblems } from '../lib/useProblems.ts';
import { useSession } from '../session/context.ts';
import { RegisterLink } from './RegisterPage.tsx';

/**
 * Only same-site paths: `?next=https://evil.example` (or `//evil.example`, `/\evil.example`, which
 * browsers read as another host) must not become an open redirect.
 */
export function safeNext(raw: string | null): string | null {
  if (!raw?.startsWith('/')) return null;
  try {
    return new URL(raw, window.location.origin).origin === window.location.origin ? raw : null;
  } catch {
    return null;
  }
}

/** Pages the gateway serves itself (Bull Board, the API docs): reached by loading them, not by the router. */
const SERVER_PAGES = /^\/(?:admin\/queues|docs)(?:[/?#]|$)/;

const LOGIN_FIELDS = ['email', 'password'] as const;

export function homeFor(role: 'user' | 'admin'): string {
  return role === 'admin' ? '/admin/orders' : '/user/orders/create';
}

export function LoginPage() {
  const { me, login } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const problems = useProblems(error, LOGIN_FIELDS);
  const next = safeNext(params.get('next'));
  const signedInTo = me && !busy ? (next ?? homeFor(me.role)) : null;
  usePageTitle(t('login.title'));

  // Signed in already (or just now): on to where they were going — a page of this app by the router,
  // a server page by loading it.
  useEffect(() => {
    if (signedInTo && SERVER_PAGES.test(signedInTo)) window.location.replace(signedInTo);
  }, [signedInTo]);
  if (signedInTo && !SERVER_PAGES.test(signedInTo)) return <Navigate to={signedInTo} replace />;
  if (signedInTo) {
    return (
      <p className="muted pad">
        <Say k="login.opening" parts={{ path: <code>{signedInTo}</code> }} />
      </p>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(() => login(email.trim(), password));
  }

  return (
    <section className="card narrow">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} className="form">
        <Field label={t('login.email')} error={problems.fields.email}>
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              problems.changed('email');
            }}
          />
        </Field>
        <Field label={t('login.password')} error={problems.fields.password}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              problems.changed('password');
            }}
          />
        </Field>
        <ErrorNote error={error} text={problems.form} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
      <RegisterLink />
    </section>
  );
}
