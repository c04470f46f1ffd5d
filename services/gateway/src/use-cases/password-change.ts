import { ACTIVITY, recordActivity, type SqlLike } from '@smm/db';
import { AppError, conflict, ERROR_CODE, notFound } from '../errors.ts';
import type { UsersRepository } from '../repositories/users.ts';
import { type LoginThrottle, throttleUnavailable, tooManyFailures } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export interface PasswordChangeDeps {
  users: UsersRepository;
  throttle: LoginThrottle;
  sql: SqlLike;
}

export interface PasswordChange {
  userId: string;
  /** The client's IP: a wrong current password counts against it, as a failed login does. */
  ip: string;
  currentPassword: string;
  newPassword: string;
}

/** The current password was wrong: said on its field (the page shows it there). */
function wrongPassword(): AppError {
  const message = 'the current password is wrong';
  return new AppError(422, ERROR_CODE.wrongPassword, message, [{ field: 'body.currentPassword', message }]);
}

/**
 * A signed-in user sets a new password (argon2id). The current one must be right, and guesses at it
 * are the failed-login throttle's business: a wrong one counts against the account and the IP like a
 * wrong login, a locked account or IP is refused (429) before anything is checked, and with Redis down
 * the change is refused (503) rather than let guesses through unthrottled. The write is a compare and
 * set on the hash that was checked, so of two changes racing only the first lands (409 for the other).
 * An activity row records the change (never the password).
 */
export async function changePassword(deps: PasswordChangeDeps, input: PasswordChange): Promise<void> {
  const { users, throttle } = deps;
  const creds = await users.credentials(input.userId);
  if (!creds) throw notFound('user');

  const locked = await throttle.lockedForMs(creds.email, input.ip).catch(() => {
    throw throttleUnavailable();
  });
  if (locked > 0) throw tooManyFailures(locked);

  if (!(await verifyPassword(creds.passwordHash, input.currentPassword))) {
    await throttle.recordFailure(creds.email, input.ip).catch(() => {
      throw throttleUnavailable();
    });
    throw wrongPassword();
  }

  const next = await hashPassword(input.newPassword);
  if (!(await users.replacePasswordHash(input.userId, creds.passwordHash, next))) {
    throw conflict('the password was changed meanwhile: sign in with the new one, then try again');
  }
  // A right password, as after a login: the account's failures and lockout history start afresh.
  await throttle.recordSuccess(creds.email, input.ip).catch(() => {});
  await recordActivity(deps.sql, {
    action: ACTIVITY.userUpdated,
    actorId: input.userId,
    userId: input.userId,
    message: 'password changed',
  });
}
