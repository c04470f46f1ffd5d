import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { hashApiKey, newApiKey } from '../../use-cases/users.ts';
import { apiKeySchema } from './schemas.ts';

export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;
  app.post('/api-key', { schema: apiKeySchema }, async (req) => {
    const apiKey = newApiKey();
    const rows =
      await sql`update users set api_key_hash = ${hashApiKey(apiKey)} where id = ${req.user.id} returning 1`;
    if (rows.length === 0) throw notFound('user');
    req.log.info({ userId: req.user.id }, 'reseller API key rotated');
    return { success: true as const, apiKey };
  });
};
