import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const PROBE_TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('probe timeout')), PROBE_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

const readySchema = z.object({
  success: z.boolean(),
  postgres: z.enum(['ok', 'down']),
  redis: z.enum(['ok', 'down']),
});

/** architecture.md#operations: /healthz says the process runs; /readyz says it can serve (Postgres and Redis answer). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        response: { 200: z.object({ success: z.literal(true), status: z.literal('ok') }) },
      },
    },
    async () => ({ success: true as const, status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: readySchema, 503: readySchema } } },
    async (_req, reply) => {
      const { producer, redis } = app.deps;
      const [postgres, queueRedis, limitRedis] = await Promise.all([
        probe(() => app.repos.ping()),
        probe(() => producer.connection.ping()),
        probe(() => redis.ping()),
      ]);
      const redisState = queueRedis === 'ok' && limitRedis === 'ok' ? 'ok' : 'down';
      const ok = postgres === 'ok' && redisState === 'ok';
      return reply.code(ok ? 200 : 503).send({ success: ok, postgres, redis: redisState });
    },
  );
};
