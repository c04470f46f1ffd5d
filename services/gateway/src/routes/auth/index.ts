import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE, forbidden } from '../../errors.ts';
import { TOKEN_COOKIE } from '../../plugins/auth.ts';
import { loginRateLimit } from '../../plugins/rate-limit.ts';
import { verifyPassword } from '../../services/passwords.ts';
import { createUser, findUserByEmail, type PublicUser } from '../../services/users.ts';
import { loginSchema, logoutSchema, registerSchema } from './schemas.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, db } = app.deps;

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
      const row = await findUserByEmail(db.sql, req.body.email);
      const ok = await verifyPassword(row?.passwordHash ?? null, req.body.password);
      if (!row || !ok) throw new AppError(401, ERROR_CODE.invalidCredentials, 'wrong email or password');
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

  app.post('/logout', { schema: logoutSchema }, async (_req, reply) => {
    reply.clearCookie(TOKEN_COOKIE, { path: '/' });
    return { success: true as const };
  });
};
