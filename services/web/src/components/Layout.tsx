import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { exactMoney, formatMoney } from '../lib/money.ts';
import { useSession } from '../session/context.ts';

const USER_LINKS = [
  { to: '/services', label: 'Services' },
  { to: '/user/orders/create', label: 'New order' },
  { to: '/user/orders/mass', label: 'Mass order' },
  { to: '/user/orders', label: 'My orders' },
  { to: '/user/funds', label: 'Add funds' },
  { to: '/user/transactions', label: 'Transactions' },
  { to: '/api', label: 'API' },
  { to: '/user/account', label: 'Account' },
];
const ADMIN_LINKS = [
  { to: '/admin', label: 'Dashboard' },
  { to: '/admin/orders', label: 'Orders' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/orders/manual', label: 'Manual order' },
  { to: '/admin/providers', label: 'Providers' },
  { to: '/admin/orders/sync', label: 'Sync' },
  { to: '/admin/deposits', label: 'Deposits' },
  { to: '/admin/payment-methods', label: 'Payment methods' },
];

export function Layout() {
  const { me, logout, refresh } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const links = me?.role === 'admin' ? [...USER_LINKS, ...ADMIN_LINKS] : me ? USER_LINKS : [];

  // The balance is read again on every page change (the first page's read is the session's own):
  // a deposit approved meanwhile shows without a reload.
  const signedIn = Boolean(me);
  const seen = useRef(pathname);
  useEffect(() => {
    if (seen.current === pathname) return;
    seen.current = pathname;
    if (signedIn) void refresh();
  }, [pathname, signedIn, refresh]);

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
            {/* An admin's own balance means nothing (it is not a customer's): the role instead. */}
            {me.role === 'admin' ? (
              <span className="role" data-testid="role">
                admin
              </span>
            ) : (
              <span
                className="balance"
                data-testid="balance"
                title={exactMoney(me.balance, me.currency) ?? 'balance'}
              >
                {formatMoney(me.balance, me.currency)}
              </span>
            )}
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
