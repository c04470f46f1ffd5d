import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { startGateway } from './harness.ts';
import { reseller } from './reseller-fixtures.ts';

// Reseller scripts put the key in the URL (`GET /api/v2?key=…&action=balance`). The gateway logs
// every request's URL, so the key must be scrubbed from it: a log shipped to a log service would
// otherwise hand every customer's key to whoever reads the logs.
const t = await useTestDatabase();
const logs: string[] = [];
const { app } = await startGateway(t, {}, { logs });
const r = await reseller(app, t.sql, { balance: '10' });

describe('an API key in the query string', () => {
  it('is answered and never written to the log, on GET, POST-with-query and an unknown path', async () => {
    const q = (extra = '') => `key=${encodeURIComponent(r.key)}&action=balance${extra}`;
    const get = await app.inject({ method: 'GET', url: `/api/v2?${q()}` });
    expect(get.json()).toMatchObject({ balance: '10.000000', currency: 'USD' });
    const post = await app.inject({ method: 'POST', url: `/api/v2?${q()}` });
    expect(post.json()).toMatchObject({ balance: '10.000000', currency: 'USD' });
    await app.inject({ method: 'GET', url: `/api/v2/nope?${q('&api_key=K2secretvalue')}` });
    await app.inject({ method: 'DELETE', url: `/api/v2?${q('&token=T3secretvalue')}` });

    const everything = logs.join('\n');
    const urls = logs.flatMap((l) => {
      const u = (JSON.parse(l) as { req?: { url?: string } }).req?.url;
      return u ? [u] : [];
    });
    // The request lines are there, with the harmless parts of the URL kept for debugging.
    expect(urls).toContain('/api/v2?key=[redacted]&action=balance');
    expect(urls).toContain('/api/v2/nope?key=[redacted]&action=balance&api_key=[redacted]');
    expect(urls).toContain('/api/v2?key=[redacted]&action=balance&token=[redacted]');
    expect(everything).not.toContain(r.key);
    expect(everything).not.toContain(encodeURIComponent(r.key));
    expect(everything).not.toContain('K2secretvalue');
    expect(everything).not.toContain('T3secretvalue');
  });
});
