import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Field } from '../components/Field.tsx';
import { useAction } from '../lib/useAction.ts';
import { useSession } from '../session/context.ts';

/** Only same-site paths: `?next=https://evil.example` must not become an open redirect. */
function safeNext(raw: string | null): string | null {
  return raw?.startsWith('/') && !raw.startsWith('//') ? raw : null;
}

export function homeFor(role: 'user' | 'admin'): string {
  return role === 'admin' ? '/admin/orders' : '/user/orders/create';
}

export function LoginPage() {
  const { me, login } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const next = safeNext(params.get('next'));

  if (me && !busy) return <Navigate to={next ?? homeFor(me.role)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const user = await run(() => login(email.trim(), password));
    if (user) navigate(next ?? homeFor(user.role), { replace: true });
  }

  return (
    <section className="card narrow">
      <h1>Sign in</h1>
      <form onSubmit={submit} className="form">
        <Field label="Email">
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label="Password">
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
