import { displayRate } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { listServicesSchema } from './schemas.ts';

interface ServiceRow {
  id: string;
  name: string;
  categoryId: string;
  categoryName: string;
  type: string;
  rate: string | null;
  rateUSD: string | null;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string | null;
}

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;

  app.get('/services', { schema: listServicesSchema }, async (req) => {
    const [user] = await sql<{ currency: 'BDT' | 'USD'; dollarRate: string }[]>`
      select currency, dollar_rate::text as "dollarRate" from users where id = ${req.user.id}`;
    if (!user) throw notFound('user');
    // Provider ids, provider rates and modes stay server-side: they are the panel's business.
    const rows = await sql<ServiceRow[]>`
      select s.id, s.name, s.category_id as "categoryId", c.name as "categoryName", s.type,
             s.rate::text as rate, s.rate_usd::text as "rateUSD", s.min_order as min, s.max_order as max,
             s.refill, s.cancel, s.dripfeed, s.description
      from services s join categories c on c.id = s.category_id
      where s.status = 'active' and c.status = 'active'
      order by c.sort_order, c.name, s.name, s.id`;
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
