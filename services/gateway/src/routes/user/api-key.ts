import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { hashApiKey, newApiKey } from '../../use-cases/users.ts';
import { apiKeySchema } from './schemas.ts';

export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api-key', { schema: apiKeySchema }, async (req) => {
    const apiKey = newApiKey();
    if (!(await app.repos.users.setApiKeyHash(req.user.id, hashApiKey(apiKey)))) throw notFound('user');
    req.log.info({ userId: req.user.id }, 'reseller API key rotated');
    return { success: true as const, apiKey };
  });
};
