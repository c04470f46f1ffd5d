import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminCategoryRoutes } from './categories.ts';
import { adminServiceRoutes } from './services.ts';

export const adminCatalogRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(adminCategoryRoutes);
  await app.register(adminServiceRoutes);
};
