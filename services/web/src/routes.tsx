import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { AdminDepositsPage } from './pages/admin/AdminDepositsPage.tsx';
import { AdminOrdersPage } from './pages/admin/AdminOrdersPage.tsx';
import { AdminServicesPage } from './pages/admin/AdminServicesPage.tsx';
import { CategoriesPage } from './pages/admin/CategoriesPage.tsx';
import { DashboardPage } from './pages/admin/DashboardPage.tsx';
import { ManualOrderPage } from './pages/admin/ManualOrderPage.tsx';
import { PaymentMethodsPage } from './pages/admin/PaymentMethodsPage.tsx';
import { ProvidersPage } from './pages/admin/ProvidersPage.tsx';
import { SyncPage } from './pages/admin/SyncPage.tsx';
import { UsersPage } from './pages/admin/UsersPage.tsx';
import { HomeRedirect } from './pages/HomeRedirect.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { AccountPage } from './pages/user/AccountPage.tsx';
import { ApiPage } from './pages/user/ApiPage.tsx';
import { CreateOrderPage } from './pages/user/CreateOrderPage.tsx';
import { FundsPage } from './pages/user/FundsPage.tsx';
import { MassOrderPage } from './pages/user/MassOrderPage.tsx';
import { OrderPage } from './pages/user/OrderPage.tsx';
import { OrdersPage } from './pages/user/OrdersPage.tsx';
import { ServicesPage } from './pages/user/ServicesPage.tsx';
import { TransactionsPage } from './pages/user/TransactionsPage.tsx';
import { RequireAdmin, RequireUser } from './session/guards.tsx';

/** The page paths; the gateway answers each with index.html (services/gateway/src/plugins/web-pages.ts). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      {
        path: '/services',
        element: (
          <RequireUser>
            <ServicesPage />
          </RequireUser>
        ),
      },
      {
        path: '/user/account',
        element: (
          <RequireUser>
            <AccountPage />
          </RequireUser>
        ),
      },
      {
        path: '/user/orders/create',
        element: (
          <RequireUser>
            <CreateOrderPage />
          </RequireUser>
        ),
      },
      {
        path: '/user/orders',
        element: (
          <RequireUser>
            <OrdersPage />
          </RequireUser>
        ),
      },
      {
        path: '/user/orders/mass',
        element: (
          <RequireUser>
            <MassOrderPage />
          </RequireUser>
        ),
      },
      {
        path: '/user/orders/:number',
        element: (
          <RequireUser>
            <OrderPage />
          </RequireUser>
        ),
      },
      {
        path: '/user/funds',
        element: (
          <RequireUser>
            <FundsPage />
          </RequireUser>
        ),
      },
      {
        path: '/user/transactions',
        element: (
          <RequireUser>
            <TransactionsPage />
          </RequireUser>
        ),
      },
      {
        path: '/api',
        element: (
          <RequireUser>
            <ApiPage />
          </RequireUser>
        ),
      },
      {
        path: '/admin',
        element: (
          <RequireAdmin>
            <DashboardPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/users',
        element: (
          <RequireAdmin>
            <UsersPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/orders',
        element: (
          <RequireAdmin>
            <AdminOrdersPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/orders/manual',
        element: (
          <RequireAdmin>
            <ManualOrderPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/providers',
        element: (
          <RequireAdmin>
            <ProvidersPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/orders/sync',
        element: (
          <RequireAdmin>
            <SyncPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/deposits',
        element: (
          <RequireAdmin>
            <AdminDepositsPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/services',
        element: (
          <RequireAdmin>
            <AdminServicesPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/categories',
        element: (
          <RequireAdmin>
            <CategoriesPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/payment-methods',
        element: (
          <RequireAdmin>
            <PaymentMethodsPage />
          </RequireAdmin>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
