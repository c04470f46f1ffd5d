import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';
import postgres from 'postgres';

export interface TestServers {
  /** A URL on the Postgres server with rights to create databases (its path is ignored). */
  postgresUrl: string;
  redisUrl: string;
  /** Called at the end of the run: stops containers that were started for it. */
  stop(): Promise<void>;
}

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

async function pgAnswers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const r = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

function dockerAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * architecture.md#testing: TEST_DATABASE_URL / TEST_REDIS_URL when set, else the local servers, else testcontainers
 * when a Docker engine answers. Fails with a clear message when none of them is available.
 */
export async function resolveTestServers(env: NodeJS.ProcessEnv = process.env): Promise<TestServers> {
  const stops: Array<() => Promise<void>> = [];
  let postgresUrl = env.TEST_DATABASE_URL;
  let redisUrl = env.TEST_REDIS_URL;

  if (!postgresUrl && (await pgAnswers(LOCAL_PG))) postgresUrl = LOCAL_PG;
  if (!redisUrl && (await redisAnswers(LOCAL_REDIS))) redisUrl = LOCAL_REDIS;

  if ((!postgresUrl || !redisUrl) && dockerAvailable()) {
    if (!postgresUrl) {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const c = await new PostgreSqlContainer('postgres:15-alpine')
        .withUsername('postgres')
        .withPassword('postgres')
        .start();
      postgresUrl = c.getConnectionUri();
      stops.push(async () => void (await c.stop()));
    }
    if (!redisUrl) {
      const { RedisContainer } = await import('@testcontainers/redis');
      const c = await new RedisContainer('redis:7-alpine').start();
      redisUrl = c.getConnectionUrl();
      stops.push(async () => void (await c.stop()));
    }
  }
  if (!postgresUrl)
    throw new Error(
      'No Postgres for tests: set TEST_DATABASE_URL, run one on 127.0.0.1:5432, or run Docker.',
    );
  if (!redisUrl)
    throw new Error('No Redis for tests: set TEST_REDIS_URL, run one on 127.0.0.1:6379, or run Docker.');
  return {
    postgresUrl,
    redisUrl,
    stop: async () => {
      for (const s of stops) await s();
    },
  };
}
