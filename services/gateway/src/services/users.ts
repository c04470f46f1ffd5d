import { createHash, randomBytes } from 'node:crypto';
import type { SqlLike } from '@smm/db';
import { type Currency, newId } from '@smm/domain';
import type { Logger } from '@smm/logger';
import type { GatewayConfig } from '../config.ts';
import type { Role } from '../plugins/auth.ts';
import { hashPassword } from './passwords.ts';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  currency: Currency;
  balance: string;
}

export interface NewUserInput {
  email: string;
  password: string;
  name: string;
  role?: Role;
  currency?: Currency;
}

/** Creates a user with an argon2id password; null when the email is taken. */
export async function createUser(sql: SqlLike, input: NewUserInput): Promise<PublicUser | null> {
  const passwordHash = await hashPassword(input.password);
  const rows = await sql<PublicUser[]>`
    insert into users (id, email, name, password_hash, role, currency)
    values (${newId('user')}, ${input.email.trim().toLowerCase()}, ${input.name}, ${passwordHash},
            ${input.role ?? 'user'}, ${input.currency ?? 'BDT'})
    on conflict (email) do nothing
    returning id, email, name, role, currency, balance::text as balance`;
  return rows[0] ?? null;
}

export interface LoginRow extends PublicUser {
  passwordHash: string;
  status: 'active' | 'suspended';
}

export async function findUserByEmail(sql: SqlLike, email: string): Promise<LoginRow | null> {
  const rows = await sql<LoginRow[]>`
    select id, email, name, role, currency, balance::text as balance, status, password_hash as "passwordHash"
    from users where email = ${email.trim().toLowerCase()}`;
  return rows[0] ?? null;
}

/**
 * §9.1: the first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD, created if absent (an existing
 * account is never touched). Without ADMIN_PASSWORD outside production a password is generated and
 * printed once, to the terminal only, never to the log stream.
 */
export async function ensureAdmin(
  sql: SqlLike,
  config: GatewayConfig,
  logger: Logger,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<{ created: boolean }> {
  const existing = await sql`select 1 from users where email = ${config.admin.email}`;
  if (existing.length > 0) return { created: false };
  let password = config.admin.password;
  if (!password) {
    if (config.nodeEnv === 'production') {
      throw new Error(`ADMIN_PASSWORD is required to create the first admin (${config.admin.email})`);
    }
    password = randomBytes(12).toString('base64url');
    print(
      `\n  Admin account created: ${config.admin.email} / ${password}\n  (printed once; set ADMIN_PASSWORD to choose it)\n`,
    );
  }
  const user = await createUser(sql, { email: config.admin.email, password, name: 'Admin', role: 'admin' });
  if (user) logger.info({ userId: user.id, email: user.email }, 'admin account created');
  return { created: user !== null };
}

/** The reseller key is shown once; only its sha256 is kept, so a database leak does not leak keys. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function newApiKey(): string {
  return randomBytes(32).toString('hex');
}
