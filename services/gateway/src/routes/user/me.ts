import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { meSchema } from './schemas.ts';

export const meRoute: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  app.get('/me', { schema: meSchema }, async (req) => {
    const [user] = await sql<
      {
        id: string;
        email: string;
        name: string;
        role: 'user' | 'admin';
        currency: 'BDT' | 'USD';
        balance: string;
        dollarRate: string;
        status: 'active' | 'suspended';
        hasApiKey: boolean;
        createdAt: string;
      }[]
    >`
      select id, email, name, role, currency, balance::text as balance, dollar_rate::text as "dollarRate",
             status, api_key_hash is not null as "hasApiKey",
             to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt"
      from users where id = ${req.user.id}`;
    if (!user) throw notFound('user');
    return { success: true as const, user };
  });
};
