import type { DbClient } from '@smm/db';
import { activityRepository } from './activity.ts';
import { categoriesRepository } from './categories.ts';
import { dashboardRepository } from './dashboard.ts';
import { depositsRepository } from './deposits.ts';
import { orderReadsRepository } from './order-reads.ts';
import { paymentMethodsRepository } from './payment-methods.ts';
import { providersRepository } from './providers.ts';
import { refillsRepository } from './refills.ts';
import { servicesRepository } from './services.ts';
import { transactionsRepository } from './transactions.ts';
import { usersRepository } from './users.ts';

/**
 * The gateway's reads and admin writes, one repository per table group. Typed queries through
 * Drizzle's builder; order and activity writes go through @smm/db's orders module, never here.
 */
export function buildRepositories(client: DbClient) {
  return {
    activity: activityRepository(client.db),
    categories: categoriesRepository(client.db),
    dashboard: dashboardRepository(client.sql),
    deposits: depositsRepository(client.db),
    orders: orderReadsRepository(client.db),
    paymentMethods: paymentMethodsRepository(client.db),
    providers: providersRepository(client.db, client.sql),
    refills: refillsRepository(client.db),
    services: servicesRepository(client.db),
    transactions: transactionsRepository(client.db),
    users: usersRepository(client.db),
    /** The readiness probe's round trip. */
    ping: async (): Promise<void> => {
      await client.sql`select 1`;
    },
  };
}

export type Repositories = ReturnType<typeof buildRepositories>;
