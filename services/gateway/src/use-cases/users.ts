import { createHash, randomBytes } from 'node:crypto';
import type { SqlLike } from '@smm/db';
import { ACTIVITY, recordActivity } from '@smm/db';
import { type Currency, isZeroMoney, newId } from '@smm/domain';
import type { Logger } from '@smm/logger';
import type postgres from 'postgres';
import type { GatewayConfig } from '../config.ts';
import { AppError, ERROR_CODE, notFound } from '../errors.ts';
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
 * architecture.md#auth: the first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD, created if absent (an existing
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

export interface UserPatch {
  status?: 'active' | 'suspended' | undefined;
  role?: Role | undefined;
  dollarRate?: string | undefined;
  currency?: Currency | undefined;
}

/**
 * An admin's change to a user, with an activity row. Refused (422, nothing written): an admin
 * suspending or demoting themselves, or leaving no active admin; a currency change while the balance
 * is not zero (the ledger is kept in one currency — adjust the balance to zero first).
 */
export async function updateUser(
  sql: postgres.Sql,
  id: string,
  patch: UserPatch,
  actorId: string,
): Promise<void> {
  await sql.begin(async (tx) => {
    const [u] = await tx<{ role: Role; status: string; balance: string; currency: Currency }[]>`
      select role, status, balance::text as balance, currency from users where id = ${id} for update`;
    if (!u) throw notFound('user');
    const rule = (message: string) => new AppError(422, ERROR_CODE.businessRule, message);
    const losesAdmin =
      u.role === 'admin' && u.status === 'active' && (patch.role === 'user' || patch.status === 'suspended');
    if (losesAdmin && id === actorId) throw rule('an admin cannot suspend or demote themselves');
    if (losesAdmin) {
      // Serialises concurrent demotions: of two admins demoting each other, one is refused.
      await tx`select pg_advisory_xact_lock(72100010)`;
      const [others] = await tx<{ n: number }[]>`
        select count(*)::int as n from users where role = 'admin' and status = 'active' and id <> ${id}`;
      if ((others?.n ?? 0) === 0) throw rule('this is the last active admin');
    }
    if (patch.currency !== undefined && patch.currency !== u.currency && !isZeroMoney(u.balance)) {
      throw rule(
        `the balance must be zero to change the currency (it is ${u.balance} ${u.currency}); adjust it first`,
      );
    }
    const set: Record<string, string> = {};
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.dollarRate !== undefined) set.dollar_rate = patch.dollarRate;
    if (patch.currency !== undefined) set.currency = patch.currency;
    await tx`update users set ${tx(set)} where id = ${id}`;
    await recordActivity(tx, {
      action: ACTIVITY.userUpdated,
      actorId,
      userId: id,
      message: Object.entries(patch)
        .map(([k, v]) => `${k} → ${v}`)
        .join(', '),
    });
  });
}
