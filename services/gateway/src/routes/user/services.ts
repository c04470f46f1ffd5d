import { displayRate } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { listActiveCatalog } from '../../use-cases/active-catalog.ts';
import { listServicesSchema } from './schemas.ts';

/** The average completion time is over the orders completed in this many days. */
const COMPLETION_WINDOW_DAYS = 30;

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;

  app.get('/services', { schema: listServicesSchema }, async (req) => {
    const user = await app.repos.users.pricing(req.user.id);
    if (!user) throw notFound('user');
    const [rows, completion] = await Promise.all([
      listActiveCatalog(sql),
      app.repos.orders.averageCompletionSeconds(COMPLETION_WINDOW_DAYS),
    ]);
    return {
      success: true as const,
      currency: user.currency,
      services: rows.map(({ rate, rateUSD, ...s }) => ({
        ...s,
        ratePer1000: displayRate({ type: s.type, rate, rateUSD }, user),
        avgCompletionSeconds: completion.get(s.id) ?? null,
      })),
    };
  });
};
