import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { resolveTestServers } from './servers.ts';
import { ensureTemplate, withDatabase } from './template.ts';
import './provided-context.ts';

interface GlobalSetupContext {
  provide(key: string, value: unknown): void;
}

/**
 * vitest globalSetup: finds the servers, builds the migrated template once, hands the URLs to
 * test files through provide/inject, and drops this run's leftover databases at the end.
 */
export default async function setupDatabases(ctx: GlobalSetupContext) {
  const servers = await resolveTestServers();
  const template = await ensureTemplate(servers.postgresUrl);
  const runId = randomBytes(3).toString('hex');
  ctx.provide('pgServerUrl', servers.postgresUrl);
  ctx.provide('pgTemplate', template);
  ctx.provide('redisUrl', servers.redisUrl);
  ctx.provide('runId', runId);
  return async () => {
    const admin = postgres(withDatabase(servers.postgresUrl, 'postgres'), { max: 1, onnotice: () => {} });
    try {
      const left = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`smm_t_${runId}_%`}`;
      for (const d of left)
        await admin.unsafe(`drop database if exists ${d.datname} with (force)`).catch(() => {});
    } finally {
      await admin.end({ timeout: 2 });
    }
    await servers.stop();
  };
}
