import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiKeyRoutes } from './api-key.ts';
import { createOrdersRoute } from './create-orders.ts';
import { fundsRoutes } from './funds.ts';
import { meRoute } from './me.ts';
import { orderEventRoutes } from './order-events.ts';
import { orderRequestRoutes } from './order-requests.ts';
import { orderRoutes } from './orders.ts';
import { passwordRoute } from './password.ts';
import { serviceRoutes } from './services.ts';

/** architecture.md#customer-api customer area: any signed-in user (admins too), always scoped to the caller's own data. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);
  await app.register(createOrdersRoute);
  await app.register(orderEventRoutes);
  await app.register(orderRoutes);
  await app.register(orderRequestRoutes);
  await app.register(serviceRoutes);
  await app.register(meRoute);
  await app.register(apiKeyRoutes);
  await app.register(fundsRoutes);
  await app.register(passwordRoute);
};
