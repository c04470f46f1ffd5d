import { randomBytes } from 'node:crypto';
import { createDb, type DbClient } from '@smm/db';
import postgres from 'postgres';
import { withDatabase } from './template.ts';

export interface TestDatabase extends DbClient {
  url: string;
  name: string;
  /** Closes the client and drops the database. */
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(
  serverUrl: string,
  template: string,
  runId: string,
): Promise<TestDatabase> {
  const name = `smm_t_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    // Concurrent clones of one template can collide on its lock briefly: retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name} template ${template}`);
        break;
      } catch (e) {
        if (attempt >= 20 || (e as { code?: string }).code !== '55006') throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end({ timeout: 2 });
  }
  const url = withDatabase(serverUrl, name);
  const client = createDb(url, { max: 20, applicationName: 'test' });
  return {
    ...client,
    url,
    name,
    drop: async () => {
      await client.close(2);
      const a = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end({ timeout: 2 });
      }
    },
  };
}
