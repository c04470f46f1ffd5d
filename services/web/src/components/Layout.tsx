import { NavLink, Outlet, useNavigate } from 'react-router';
import { formatMoney } from '../lib/money.ts';
import { useSession } from '../session/context.ts';

const USER_LINKS = [
  { to: '/user/orders/create', label: 'New order' },
  { to: '/user/orders', label: 'My orders' },
  { to: '/api', label: 'API' },
];
const ADMIN_LINKS = [
  { to: '/admin/orders', label: 'Orders' },
  { to: '/admin/orders/manual', label: 'Manual order' },
  { to: '/admin/providers', label: 'Providers' },
  { to: '/admin/orders/sync', label: 'Sync' },
];

export function Layout() {
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const links = me?.role === 'admin' ? [...USER_LINKS, ...ADMIN_LINKS] : me ? USER_LINKS : [];

  return (
    <>
      <header className="topbar">
        <span className="brand">SMM panel</span>
        <nav aria-label="pages">
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end>
              {l.label}
            </NavLink>
          ))}
        </nav>
        {me && (
          <div className="who">
            <span className="balance" data-testid="balance" title="balance">
              {formatMoney(me.balance, me.currency)}
            </span>
            <span className="muted email">{me.email}</span>
            <button
              type="button"
              className="link"
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              Log out
            </button>
          </div>
        )}
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
