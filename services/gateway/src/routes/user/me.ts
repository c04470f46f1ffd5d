import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { meSchema } from './schemas.ts';

export const meRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/me', { schema: meSchema }, async (req) => {
    const user = await app.repos.users.find(req.user.id);
    if (!user) throw notFound('user');
    return { success: true as const, user };
  });
};
