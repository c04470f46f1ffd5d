import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../config.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { SessionUsers } from '../use-cases/session-users.ts';

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AuthUser {
  id: string;
  role: Role;
}

export const TOKEN_COOKIE = 'token';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; role: Role };
    user: AuthUser;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: a valid token (Bearer header or the `token` cookie) or 401. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** onRequest hook after authenticate: role admin or 403. */
    requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Signs a session token for a user (login, register, tests). */
    issueToken(user: AuthUser): string;
    /** Role and status as the database has them now (cached ≤ 5 s); forget() after changing a user. */
    sessionUsers: SessionUsers;
  }
}

export async function registerAuth(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: config.jwt.secret,
    cookie: { cookieName: TOKEN_COOKIE, signed: false },
    sign: {
      algorithm: 'HS256',
      iss: config.jwt.issuer,
      aud: config.jwt.audience,
      expiresIn: config.jwt.expiresInS,
    },
    verify: {
      // Pinned: a token claiming `none` or any other algorithm is refused before its claims are read.
      algorithms: ['HS256'],
      allowedIss: config.jwt.issuer,
      allowedAud: config.jwt.audience,
      requiredClaims: ['sub', 'role', 'exp', 'iss', 'aud'],
      // Belt and braces: even a token minted with a longer exp is dead after 12 h.
      maxAge: 12 * 3600,
    },
    formatUser: (payload) => ({ id: payload.sub, role: payload.role }),
  });

  app.decorate('issueToken', (user: AuthUser) => app.jwt.sign({ sub: user.id, role: user.role }));
  app.decorate('sessionUsers', new SessionUsers(app.deps.db.sql, { ttlMs: config.sessionCacheMs }));

  app.decorate('authenticate', async (request: FastifyRequest) => {
    try {
      await request.jwtVerify();
    } catch {
      // Which check failed (signature, expiry, algorithm) is not the client's business.
      throw unauthorized('missing, invalid or expired token');
    }
    const role = request.user.role as string;
    if (typeof request.user.id !== 'string' || (role !== 'user' && role !== 'admin')) {
      throw unauthorized('invalid token');
    }
    // The token names the user; the database says what they may do now (a suspension or a
    // demotion takes effect within the cache's few seconds, whatever tokens are still out there).
    const now = await app.sessionUsers.get(request.user.id);
    if (!now) throw unauthorized('account no longer exists');
    if (now.status !== 'active') throw forbidden('account is suspended');
    request.user = { id: request.user.id, role: now.role };
  });

  app.decorate('requireAdmin', async (request: FastifyRequest) => {
    if (request.user?.role !== 'admin') throw forbidden('admin role required');
  });
}
