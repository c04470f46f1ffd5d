import type { DbClient } from '@smm/db';
import { categoriesRepository } from './categories.ts';
import { servicesRepository } from './services.ts';

/**
 * The gateway's reads and admin writes, one repository per table group. Typed queries through
 * Drizzle's builder; order and activity writes go through @smm/db's orders module, never here.
 */
export function buildRepositories(db: DbClient) {
  return {
    categories: categoriesRepository(db.db),
    services: servicesRepository(db.db),
  };
}

export type Repositories = ReturnType<typeof buildRepositories>;
