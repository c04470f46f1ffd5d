import { createDb } from '@smm/db';
import type { TestDatabase } from '@smm/testkit';
import { describe, expect, it } from 'vitest';
import { bearer, startGateway } from './harness.ts';
import { v2Form } from './reseller-fixtures.ts';

// Postgres is unreachable (nothing listens on port 1): a reseller's script must read a string it can
// print and retry on, not the JSON API's envelope, and nothing may be half-done.
const url = 'postgres://postgres@127.0.0.1:1/smm_unreachable';
const dead = createDb(url, { max: 1, connectTimeout: 1 });
const t: TestDatabase = { ...dead, url, name: 'smm_unreachable', drop: () => dead.close() };
const { app } = await startGateway(t);

describe('/api/v2 while Postgres is down', () => {
  it('answers 503 {"error": "Service temporarily unavailable"} for every action', async () => {
    for (const action of ['balance', 'services', 'add', 'status']) {
      const res = await v2Form(app, {
        key: 'some-key',
        action,
        service: 1000,
        link: 'https://x.example/a',
        quantity: 100,
      });
      expect(res.statusCode, action).toBe(503);
      expect(res.json()).toEqual({ error: 'Service temporarily unavailable' });
      expect(res.headers['retry-after']).toBe('5');
    }
  });
});

describe('the JSON API while Postgres is down', () => {
  it('a read through Drizzle (whose errors wrap the driver’s) is a 503, not a 500', async () => {
    const token = app.issueToken({ id: 'usr_00000000000000000000000001', role: 'user' });
    for (const url of ['/api/user/orders', '/api/user/me']) {
      const res = await app.inject({ method: 'GET', url, headers: bearer(token) });
      expect(res.statusCode, url).toBe(503);
      expect(res.json()).toMatchObject({ success: false, error: { code: 'DEPENDENCY_UNAVAILABLE' } });
    }
  });
});
