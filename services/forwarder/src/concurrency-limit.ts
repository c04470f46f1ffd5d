import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '@smm/queue';

/**
 * A counting semaphore per provider, shared by every forwarder replica: a sorted set of leases
 * scored by their expiry (Redis' own clock, so replicas' clocks never matter). Expired leases are
 * dropped on every acquire, so a replica that dies mid-call frees its slot after `leaseMs`.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ttl)
  return 1
end
return 0
`;

interface LeaseCommands {
  smmFwdLeaseAcquire(key: string, limit: number, ttlMs: number, id: string): Promise<number>;
}

export interface Lease {
  release(): Promise<void>;
}

export interface ConcurrencyLimitOptions {
  /** Standalone or cluster: the lease script touches one key, so any prefix works in a cluster. */
  redis: RedisConnection;
  /** Keys are `<prefix>:fwd-limit:<providerId>`. */
  prefix: string;
  /** Longer than the longest provider call, so a live call never loses its slot. */
  leaseMs: number;
}

export class ConcurrencyLimit {
  readonly #redis: RedisConnection & LeaseCommands;
  readonly #prefix: string;
  readonly #leaseMs: number;

  constructor(opts: ConcurrencyLimitOptions) {
    opts.redis.defineCommand('smmFwdLeaseAcquire', { numberOfKeys: 1, lua: ACQUIRE });
    this.#redis = opts.redis as RedisConnection & LeaseCommands;
    this.#prefix = opts.prefix;
    this.#leaseMs = opts.leaseMs;
  }

  key(providerId: string): string {
    return `${this.#prefix}:fwd-limit:${providerId}`;
  }

  /** A lease when fewer than `limit` are held for this provider, else null. */
  async acquire(providerId: string, limit: number): Promise<Lease | null> {
    const key = this.key(providerId);
    const id = randomUUID();
    const got = await this.#redis.smmFwdLeaseAcquire(key, limit, this.#leaseMs, id);
    if (Number(got) !== 1) return null;
    return {
      release: async () => {
        await this.#redis.zrem(key, id);
      },
    };
  }

  /** Leases currently held (expired ones included until the next acquire drops them). */
  async held(providerId: string): Promise<number> {
    return this.#redis.zcard(this.key(providerId));
  }
}
