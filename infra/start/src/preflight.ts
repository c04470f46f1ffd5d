import { Redis } from 'ioredis';
import postgres from 'postgres';

function hidePassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** A clear sentence instead of a stack trace when a dependency is missing. */
export async function checkPostgres(url: string): Promise<string | null> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return null;
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e as Error).message;
    return `Cannot reach Postgres at ${hidePassword(url)} (${code}).
  Start it (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start,
  or: docker compose up -d postgres) or set DATABASE_URL.`;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export async function checkRedis(url: string): Promise<string | null> {
  const r = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    return `Cannot reach Redis at ${hidePassword(url)} (${(e as Error).message}).
  Start it (redis-server --daemonize yes --port 6379 --save "" --appendonly no,
  or: docker compose up -d redis) or set REDIS_URL.`;
  } finally {
    r.disconnect();
  }
}
