import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminActivityRoutes } from './activity.ts';
import { adminBalanceRoutes } from './balance.ts';
import { adminCatalogRoutes } from './catalog/index.ts';
import { adminDashboardRoutes } from './dashboard.ts';
import { adminDepositRoutes } from './deposits.ts';
import { adminOrderRoutes } from './orders/index.ts';
import { adminPaymentMethodRoutes } from './payment-methods.ts';
import { adminProviderRoutes } from './providers/index.ts';
import { adminSyncOverviewRoutes } from './sync-overview.ts';
import { adminTransactionRoutes } from './transactions.ts';
import { adminUserRoutes } from './users.ts';

/**
 * architecture.md#admin-api admin area. Every route registered here is behind authenticate + requireAdmin: add a file
 * exporting a FastifyPluginAsyncZod and register it below (prefix /api/admin is applied by app.ts).
 */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('onRequest', app.requireAdmin);
  await app.register(adminUserRoutes);
  await app.register(adminBalanceRoutes);
  await app.register(adminOrderRoutes);
  await app.register(adminProviderRoutes);
  await app.register(adminCatalogRoutes);
  await app.register(adminActivityRoutes);
  await app.register(adminSyncOverviewRoutes);
  await app.register(adminPaymentMethodRoutes);
  await app.register(adminDepositRoutes);
  await app.register(adminTransactionRoutes);
  await app.register(adminDashboardRoutes);
};
