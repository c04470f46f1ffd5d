import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { startGateway } from './harness.ts';
import { reseller, v2Form } from './reseller-fixtures.ts';

// A fault of ours (here a table a broken deploy renamed: Postgres answers, but with an error no
// request can fix) is a 500 whose body is still the string a reseller's client can print, and the
// log says what failed without the key.
const t = await useTestDatabase();
const logs: string[] = [];
const { app } = await startGateway(t, {}, { logs });
const r = await reseller(app, t.sql, { balance: '10' });

describe('/api/v2 when the gateway itself fails', () => {
  it('answers 500 {"error": "<text>"}, never the JSON API envelope', async () => {
    await t.sql`alter table services rename to services_moved`;
    try {
      const res = await v2Form(app, { key: r.key, action: 'services' });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: 'Internal error' });
    } finally {
      await t.sql`alter table services_moved rename to services`;
    }
    const failure = logs.find((l) => l.includes('reseller API: unhandled error'));
    expect(failure).toMatch(/services/);
    expect(logs.join('\n')).not.toContain(r.key);
    // And the API works again once the table is back.
    expect((await v2Form(app, { key: r.key, action: 'services' })).statusCode).toBe(200);
  });
});
