import fastifyCookie from '@fastify/cookie';
import { createSigner, createVerifier } from 'fast-jwt';
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

/** Belt and braces: even a token minted with a longer exp is dead this long after it was issued. */
const MAX_TOKEN_AGE_MS = 12 * 3600 * 1000;

/** How many verified tokens a gateway remembers (least recently used out first). */
const VERIFIED_TOKENS_CACHED = 20_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`: who the token names, with the role the database gives them now. */
    user: AuthUser;
  }
  interface FastifyInstance {
    /** onRequest hook: a valid token (Bearer header or the `token` cookie) or 401. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** onRequest hook after authenticate: role admin or 403. */
    requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Signs a session token for a user (login, register, tests). */
    issueToken(user: AuthUser): string;
    /** Who the request's token names when it carries a valid one, else null (never throws). */
    tokenUser(request: FastifyRequest): AuthUser | null;
    /** Role and status as the database has them now (cached ≤ 5 s); forget() after changing a user. */
    sessionUsers: SessionUsers;
  }
}

/** The Bearer header's token, else the `token` cookie's; undefined when neither is well formed. */
function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header && /^Bearer\s/i.test(header)) {
    const parts = header.split(' ');
    return parts.length === 2 && parts[1] ? parts[1] : undefined;
  }
  return request.cookies[TOKEN_COOKIE] || undefined;
}

/**
 * architecture.md#security session tokens: HS256 with the pinned issuer and audience, signed and
 * verified by fast-jwt directly. A verified token is remembered until its own expiry (or its 12 h age
 * limit) at the latest, so one customer's stream of orders checks its signature once; what the caller
 * may do is still read from the database on every request (`sessionUsers`).
 */
export async function registerAuth(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  await app.register(fastifyCookie);
  const sign = createSigner({
    key: config.jwt.secret,
    algorithm: 'HS256',
    iss: config.jwt.issuer,
    aud: config.jwt.audience,
    expiresIn: config.jwt.expiresInS * 1000,
  });
  const verify = createVerifier({
    key: config.jwt.secret,
    // Pinned: a token claiming `none` or any other algorithm is refused before its claims are read.
    algorithms: ['HS256'],
    allowedIss: config.jwt.issuer,
    allowedAud: config.jwt.audience,
    requiredClaims: ['sub', 'role', 'exp', 'iss', 'aud'],
    maxAge: MAX_TOKEN_AGE_MS,
    // Keyed by fast-jwt's own hash of the token (a sha256: far cheaper than the checks it saves).
    cache: VERIFIED_TOKENS_CACHED,
  });

  app.decorateRequest('user', null as unknown as AuthUser);
  app.decorate('issueToken', (user: AuthUser) => sign({ sub: user.id, role: user.role }));
  app.decorate('tokenUser', (request: FastifyRequest): AuthUser | null => {
    const token = requestToken(request);
    if (!token) return null;
    try {
      const { sub, role } = verify(token) as { sub?: unknown; role?: unknown };
      if (typeof sub !== 'string' || (role !== 'user' && role !== 'admin')) return null;
      return { id: sub, role };
    } catch {
      return null;
    }
  });
  app.decorate('sessionUsers', new SessionUsers(app.deps.db.sql, { ttlMs: config.sessionCacheMs }));

  app.decorate('authenticate', async (request: FastifyRequest) => {
    // Which check failed (signature, expiry, algorithm, claims) is not the client's business.
    const claimed = app.tokenUser(request);
    if (!claimed) throw unauthorized('missing, invalid or expired token');
    // The token names the user; the database says what they may do now (a suspension or a
    // demotion takes effect within the cache's few seconds, whatever tokens are still out there).
    const now = await app.sessionUsers.get(claimed.id);
    if (!now) throw unauthorized('account no longer exists');
    if (now.status !== 'active') throw forbidden('account is suspended');
    request.user = { id: claimed.id, role: now.role };
  });

  app.decorate('requireAdmin', async (request: FastifyRequest) => {
    if (request.user?.role !== 'admin') throw forbidden('admin role required');
  });
}
