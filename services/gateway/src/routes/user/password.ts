import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE } from '../../errors.ts';
import { loginRateLimit } from '../../plugins/rate-limit.ts';
import { LoginThrottle } from '../../use-cases/login-throttle.ts';
import { changePassword } from '../../use-cases/password-change.ts';
import { changePasswordSchema } from './schemas.ts';

/** The retry-after a refusal asks for, in seconds: a lockout's remaining time, or 5 s while Redis is away. */
function retryAfterS(e: unknown): number | null {
  if (!(e instanceof AppError)) return null;
  if (e.code === ERROR_CODE.dependencyUnavailable) return 5;
  const ms = (e.details as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return e.code === ERROR_CODE.rateLimited && typeof ms === 'number'
    ? Math.max(1, Math.ceil(ms / 1000))
    : null;
}

export const passwordRoute: FastifyPluginAsyncZod = async (app) => {
  const { config, db } = app.deps;
  // The same counters as login's: guesses at the current password are failed logins.
  const throttle = LoginThrottle.fromConfig(app.deps.redis, config);

  app.post(
    '/password',
    {
      schema: changePasswordSchema,
      // The login flood guard, per user (the route is behind authenticate), before validation.
      config: {
        rateLimit: {
          ...loginRateLimit(config),
          hook: 'preValidation',
          keyGenerator: (req) => `pw:${req.user.id}`,
        },
      },
    },
    async (req, reply) => {
      try {
        await changePassword(
          { users: app.repos.users, throttle, sql: db.sql },
          {
            userId: req.user.id,
            ip: req.ip,
            currentPassword: req.body.currentPassword,
            newPassword: req.body.newPassword,
          },
        );
      } catch (e) {
        const s = retryAfterS(e);
        if (s !== null) reply.header('retry-after', String(s));
        if (e instanceof AppError && e.code === ERROR_CODE.wrongPassword) {
          req.log.warn({ userId: req.user.id }, 'password change: wrong current password');
        }
        throw e;
      }
      req.log.info({ userId: req.user.id }, 'password changed');
      return { success: true as const };
    },
  );
};
