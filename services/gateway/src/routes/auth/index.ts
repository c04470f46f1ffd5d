import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE, forbidden } from '../../errors.ts';
import { TOKEN_COOKIE } from '../../plugins/auth.ts';
import { loginRateLimit } from '../../plugins/rate-limit.ts';
import { LoginThrottle, throttleUnavailable, tooManyFailures } from '../../use-cases/login-throttle.ts';
import { verifyPassword } from '../../use-cases/passwords.ts';
import { createUser, findUserByEmail, type PublicUser } from '../../use-cases/users.ts';
import {
  authConfigSchema,
  loginSchema,
  logoutSchema,
  PASSWORD_MIN_LENGTH,
  registerSchema,
} from './schemas.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, db } = app.deps;
  const throttle = LoginThrottle.fromConfig(app.deps.redis, config);

  /** The browser (and Bull Board) authenticate with the same token, carried by an httpOnly cookie. */
  function startSession(reply: FastifyReply, user: PublicUser) {
    const token = app.issueToken({ id: user.id, role: user.role });
    reply.setCookie(TOKEN_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.nodeEnv === 'production',
      path: '/',
      maxAge: config.jwt.expiresInS,
    });
    return { success: true as const, token, user };
  }

  app.post(
    '/login',
    { schema: loginSchema, config: { rateLimit: loginRateLimit(config) } },
    async (req, reply) => {
      const { email, password } = req.body;
      const locked = await throttle.lockedForMs(email, req.ip).catch((err: Error) => {
        req.log.warn({ err: err.message }, 'login throttle unavailable: refusing the login');
        reply.header('retry-after', '5');
        throw throttleUnavailable();
      });
      if (locked > 0) {
        reply.header('retry-after', String(Math.ceil(locked / 1000)));
        throw tooManyFailures(locked);
      }
      const row = await findUserByEmail(db.sql, email);
      const ok = await verifyPassword(row?.passwordHash ?? null, password);
      if (!row || !ok) {
        const lockMs = await throttle.recordFailure(email, req.ip).catch((err: Error) => {
          req.log.warn({ err: err.message }, 'login throttle unavailable: failure not counted');
          reply.header('retry-after', '5');
          throw throttleUnavailable();
        });
        if (lockMs > 0) req.log.warn({ lockMs }, 'login: too many failures, locked');
        throw new AppError(401, ERROR_CODE.invalidCredentials, 'wrong email or password');
      }
      await throttle
        .recordSuccess(email, req.ip)
        .catch((err: Error) => req.log.warn({ err: err.message }, 'login throttle: could not clear'));
      if (row.status !== 'active') throw forbidden('account is suspended');
      const { passwordHash: _drop, status: _status, ...user } = row;
      req.log.info({ userId: user.id }, 'login');
      return reply.send(startSession(reply, user));
    },
  );

  app.post(
    '/register',
    { schema: registerSchema, config: { rateLimit: loginRateLimit(config) } },
    async (req, reply) => {
      if (!config.allowRegistration) {
        throw new AppError(403, ERROR_CODE.registrationClosed, 'registration is closed');
      }
      const user = await createUser(db.sql, { ...req.body, role: 'user' });
      if (!user) throw new AppError(409, ERROR_CODE.emailTaken, 'an account with this email exists');
      req.log.info({ userId: user.id }, 'registered');
      return reply.code(201).send(startSession(reply, user));
    },
  );

  // Public: the login page links to /register only when it is open.
  app.get('/config', { schema: authConfigSchema }, async () => ({
    success: true as const,
    registration: config.allowRegistration,
    passwordMinLength: PASSWORD_MIN_LENGTH,
  }));

  app.post('/logout', { schema: logoutSchema }, async (_req, reply) => {
    reply.clearCookie(TOKEN_COOKIE, { path: '/' });
    return { success: true as const };
  });
};
