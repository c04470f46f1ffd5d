import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forwardRoute } from './forward.ts';
import { adminOrderListRoutes } from './list.ts';
import { manualOrderRoute } from './manual.ts';
import { syncRoute } from './sync.ts';
import { adminOrderUpdateRoutes } from './update.ts';

export const adminOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(adminOrderListRoutes);
  await app.register(manualOrderRoute);
  await app.register(adminOrderUpdateRoutes);
  await app.register(forwardRoute);
  await app.register(syncRoute);
};
