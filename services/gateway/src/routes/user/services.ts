import { displayRate } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { listActiveCatalog } from '../../use-cases/active-catalog.ts';
import { listServicesSchema } from './schemas.ts';

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;

  app.get('/services', { schema: listServicesSchema }, async (req) => {
    const user = await app.repos.users.pricing(req.user.id);
    if (!user) throw notFound('user');
    const rows = await listActiveCatalog(sql);
    return {
      success: true as const,
      currency: user.currency,
      services: rows.map(({ rate, rateUSD, ...s }) => ({
        ...s,
        ratePer1000: displayRate({ type: s.type, rate, rateUSD }, user),
      })),
    };
  });
};
