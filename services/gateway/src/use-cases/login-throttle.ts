import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { RedisConnection } from '@smm/queue';
import type { GatewayConfig } from '../config.ts';
import { AppError, ERROR_CODE } from '../errors.ts';

/**
 * Failed-login throttle, per account and per IP, each on its own counters in Redis (shared by every
 * gateway replica):
 *
 * - each failure counts against the account (its lower-cased email, hashed — whether or not the
 *   account exists, so the answer never tells) and against the client IP (an IPv6 client by its /64);
 * - `max` failures within the window lock that subject for `lockoutMs`; each further lockout within a
 *   day doubles it, up to `lockoutMaxMs`;
 * - a locked subject is refused before its password is even checked (no guess is tested, no argon2
 *   time spent); attempts refused that way count for nothing, so one person hammering their own locked
 *   account does not push their office's shared IP over its own limit;
 * - a successful login clears the account's failures and lockout history (not the IP's: a valid
 *   account of one's own must not reset an attacker's count).
 *
 * An account attacked from many IPs is locked by the account counter; one IP trying many accounts is
 * locked by the IP counter; a colleague behind the same NAT as someone who forgot their password
 * still signs in, because only that one account is locked.
 */
export interface LoginThrottleSettings {
  accountMaxFailures: number;
  ipMaxFailures: number;
  windowMs: number;
  lockoutMs: number;
  lockoutMaxMs: number;
}

/** One text for every lockout, whether the account, the IP, or both: it never says which, or whether the account exists. */
export function tooManyFailures(ms: number): AppError {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return new AppError(429, ERROR_CODE.rateLimited, `too many failed sign-in attempts, try again in ${s} s`, {
    retryAfterMs: ms,
  });
}

/**
 * The throttle's store is down: refuse the attempt (503) rather than let guesses through unthrottled.
 * Existing sessions keep working; the client retries shortly (`Retry-After: 5`).
 */
export function throttleUnavailable(): AppError {
  return new AppError(
    503,
    ERROR_CODE.dependencyUnavailable,
    'sign-in is unavailable for a moment (the attempt limiter cannot be reached), retry shortly',
  );
}

/** How long the doubling remembers earlier lockouts. */
const LEVEL_TTL_MS = 24 * 3600_000;

// KEYS: account fail, lock, level; ip fail, lock, level.
// ARGV: accountMax, ipMax, windowMs, baseMs, capMs, levelTtlMs. Returns the longest lock set now (ms).
const FAIL_SCRIPT = `
local function fail(failKey, lockKey, levelKey, max)
  local n = redis.call('INCR', failKey)
  if n == 1 then redis.call('PEXPIRE', failKey, ARGV[3]) end
  if n < max then return 0 end
  local level = redis.call('INCR', levelKey)
  redis.call('PEXPIRE', levelKey, ARGV[6])
  local ms = tonumber(ARGV[4])
  local cap = tonumber(ARGV[5])
  for _ = 2, level do
    ms = ms * 2
    if ms >= cap then break end
  end
  if ms > cap then ms = cap end
  ms = math.floor(ms)
  redis.call('SET', lockKey, '1', 'PX', ms)
  redis.call('DEL', failKey)
  return ms
end
local a = fail(KEYS[1], KEYS[2], KEYS[3], tonumber(ARGV[1]))
local b = fail(KEYS[4], KEYS[5], KEYS[6], tonumber(ARGV[2]))
if a > b then return a end
return b
`;

// KEYS: account lock, ip lock. Returns the longest remaining lock in ms (0: none).
const CHECK_SCRIPT = `
local a = redis.call('PTTL', KEYS[1])
local b = redis.call('PTTL', KEYS[2])
if a < 0 then a = 0 end
if b < 0 then b = 0 end
if a > b then return a end
return b
`;

/** The IP as a throttle subject: IPv4 as is, IPv6 by its /64 (one host usually owns a whole /64). */
export function ipSubject(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, '').toLowerCase())
    .join(':')}::/64`;
}

export class LoginThrottle {
  readonly #redis: RedisConnection;
  readonly #prefix: string;
  readonly #s: LoginThrottleSettings;

  constructor(redis: RedisConnection, prefix: string, settings: LoginThrottleSettings) {
    this.#redis = redis;
    this.#prefix = `${prefix}login:`;
    this.#s = settings;
  }

  static fromConfig(redis: RedisConnection, config: GatewayConfig): LoginThrottle {
    return new LoginThrottle(redis, config.rateLimitPrefix, config.loginThrottle);
  }

  #keys(email: string, ip: string) {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    const a = `${this.#prefix}a:${account}`;
    const i = `${this.#prefix}i:${ipSubject(ip)}`;
    return {
      account: { fail: `${a}:fail`, lock: `${a}:lock`, level: `${a}:level` },
      ip: { fail: `${i}:fail`, lock: `${i}:lock`, level: `${i}:level` },
    };
  }

  /** Milliseconds until this email or this IP may try again; 0 when neither is locked. Throws if Redis is down. */
  async lockedForMs(email: string, ip: string): Promise<number> {
    const k = this.#keys(email, ip);
    return Number(await this.#redis.eval(CHECK_SCRIPT, 2, k.account.lock, k.ip.lock));
  }

  /** Counts a wrong password; returns the lockout it started now in ms (0: none). Throws if Redis is down. */
  async recordFailure(email: string, ip: string): Promise<number> {
    const k = this.#keys(email, ip);
    const s = this.#s;
    return Number(
      await this.#redis.eval(
        FAIL_SCRIPT,
        6,
        k.account.fail,
        k.account.lock,
        k.account.level,
        k.ip.fail,
        k.ip.lock,
        k.ip.level,
        s.accountMaxFailures,
        s.ipMaxFailures,
        s.windowMs,
        s.lockoutMs,
        s.lockoutMaxMs,
        LEVEL_TTL_MS,
      ),
    );
  }

  /** A right password: the account starts afresh (its failures and its lockout history). */
  async recordSuccess(email: string, ip: string): Promise<void> {
    const k = this.#keys(email, ip);
    await this.#redis.del(k.account.fail, k.account.level);
  }
}
