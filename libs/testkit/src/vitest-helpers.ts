import { afterAll, inject } from 'vitest';
import './provided-context.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** In a test file: a fresh migrated database, dropped after the file's tests. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'), inject('runId'));
  afterAll(() => db.drop());
  return db;
}

export function testRedisUrl(): string {
  return inject('redisUrl');
}
