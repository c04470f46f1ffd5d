import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LANGUAGES, type Language, type MessageKey, setLanguage, t, useLanguage } from '../lib/i18n.ts';
import { exactMoney, formatMoney } from '../lib/money.ts';
import { useSession } from '../session/context.ts';

const USER_LINKS: { to: string; label: MessageKey }[] = [
  { to: '/services', label: 'nav.services' },
  { to: '/user/orders/create', label: 'nav.newOrder' },
  { to: '/user/orders/mass', label: 'nav.massOrder' },
  { to: '/user/orders', label: 'nav.myOrders' },
  { to: '/user/funds', label: 'nav.funds' },
  { to: '/user/transactions', label: 'nav.transactions' },
  { to: '/api', label: 'nav.api' },
  { to: '/user/account', label: 'nav.account' },
];
const ADMIN_LINKS: { to: string; label: MessageKey }[] = [
  { to: '/admin', label: 'nav.dashboard' },
  { to: '/admin/orders', label: 'nav.orders' },
  { to: '/admin/users', label: 'nav.users' },
  { to: '/admin/orders/manual', label: 'nav.manualOrder' },
  { to: '/admin/services', label: 'nav.catalog' },
  { to: '/admin/categories', label: 'nav.categories' },
  { to: '/admin/providers', label: 'nav.providers' },
  { to: '/admin/orders/sync', label: 'nav.sync' },
  { to: '/admin/deposits', label: 'nav.deposits' },
  { to: '/admin/payment-methods', label: 'nav.paymentMethods' },
];

export function Layout() {
  const { me, logout, refresh } = useSession();
  const lang = useLanguage();
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
        <span className="brand">{t('site.name')}</span>
        <nav aria-label={t('nav.label')}>
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end>
              {t(l.label)}
            </NavLink>
          ))}
        </nav>
        {me && (
          <div className="who">
            {/* An admin's own balance means nothing (it is not a customer's): the role instead. */}
            {me.role === 'admin' ? (
              <span className="role" data-testid="role">
                {t('header.admin')}
              </span>
            ) : (
              <span
                className="balance"
                data-testid="balance"
                title={exactMoney(me.balance, me.currency) ?? t('common.balance')}
              >
                {formatMoney(me.balance, me.currency)}
              </span>
            )}
            <span className="muted email" translate="no">
              {me.email}
            </span>
            <button
              type="button"
              className="link"
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              {t('header.logout')}
            </button>
          </div>
        )}
        <select
          className="lang"
          aria-label={t('lang.label')}
          value={lang}
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          {Object.entries(LANGUAGES).map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </header>
      {/* A new language re-renders the page from scratch: every string it shows is read again. */}
      <main key={lang}>
        <Outlet />
      </main>
    </>
  );
}
