import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigError,
  clusterHashTags,
  databaseEnv,
  hasHashTag,
  parseClusterNodes,
  parseEnv,
  redisEnv,
} from '../src/index.ts';

// The shape every service's schema has: the fragments, a prefix, and the cluster rule on it.
const schema = z
  .object({ ...databaseEnv, ...redisEnv, BULL_PREFIX: z.string().default('bull') })
  .superRefine(clusterHashTags(['BULL_PREFIX']));

describe('REDIS_CLUSTER_NODES and prefixes', () => {
  it('parses host:port lists, IPv6 in brackets included', () => {
    expect(parseClusterNodes('10.0.0.1:7000, redis-2:7001')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-2', port: 7001 },
    ]);
    expect(parseClusterNodes('[::1]:7000')).toEqual([{ host: '::1', port: 7000 }]);
    for (const bad of ['redis-1', ':7000', 'h:0', 'h:70000', 'h:7000,', 'h:x']) {
      expect(parseClusterNodes(bad)).toBeNull();
    }
  });

  it('knows a hash tag the way Redis does: the first {…}, not empty', () => {
    expect(hasHashTag('{smm}')).toBe(true);
    expect(hasHashTag('panel:{smm}:bull')).toBe(true);
    expect(hasHashTag('bull')).toBe(false);
    expect(hasHashTag('bull{}')).toBe(false);
    expect(hasHashTag('{}{smm}')).toBe(false);
    expect(hasHashTag('{smm')).toBe(false);
  });

  it('standalone by default; any prefix is fine there', () => {
    const env = parseEnv('svc', schema, {});
    expect(env.REDIS_CLUSTER_NODES).toBeUndefined();
    expect(env.BULL_PREFIX).toBe('bull');
  });

  it('with a cluster, an untagged prefix (the default too) refuses to start, naming the variable', () => {
    for (const prefix of [undefined, 'smm']) {
      try {
        parseEnv('forwarder', schema, { REDIS_CLUSTER_NODES: '127.0.0.1:7000', BULL_PREFIX: prefix });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).issues).toEqual([
          expect.stringMatching(/^BULL_PREFIX: must contain .*\{smm\}/),
        ]);
      }
    }
    const ok = parseEnv('forwarder', schema, { REDIS_CLUSTER_NODES: '127.0.0.1:7000', BULL_PREFIX: '{smm}' });
    expect(ok.REDIS_CLUSTER_NODES).toEqual([{ host: '127.0.0.1', port: 7000 }]);
  });

  it('names a malformed node list', () => {
    expect(() => parseEnv('svc', schema, { REDIS_CLUSTER_NODES: 'redis-1' })).toThrow(
      /REDIS_CLUSTER_NODES: must be host:port/,
    );
  });
});

describe('DATABASE_PREPARE', () => {
  it('is on by default and turned off with false (PgBouncer in transaction mode)', () => {
    expect(parseEnv('svc', schema, {}).DATABASE_PREPARE).toBe(true);
    expect(parseEnv('svc', schema, { DATABASE_PREPARE: 'false' }).DATABASE_PREPARE).toBe(false);
    expect(() => parseEnv('svc', schema, { DATABASE_PREPARE: 'maybe' })).toThrow(/DATABASE_PREPARE/);
  });
});
