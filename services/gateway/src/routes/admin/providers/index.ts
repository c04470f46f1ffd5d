import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { providerCheckRoutes } from './check.ts';
import { providerCrudRoutes } from './crud.ts';
import { providerImportRoutes } from './import-services.ts';

export const adminProviderRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(providerCrudRoutes);
  await app.register(providerCheckRoutes);
  await app.register(providerImportRoutes);
};
