import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { startGateway } from './harness.ts';
import { reseller, v2Form, v2Json } from './reseller-fixtures.ts';

const t = await useTestDatabase();
const { app } = await startGateway(t, { V2_RATE_MAX: '3', V2_RATE_WINDOW_MS: '60000' });

describe('reseller API rate limit', () => {
  it('is per key: the 4th call in the window is a 429, another key is untouched', async () => {
    const a = await reseller(app, t.sql);
    const b = await reseller(app, t.sql);
    for (let i = 0; i < 3; i++)
      expect((await v2Form(app, { key: a.key, action: 'balance' })).statusCode).toBe(200);
    const limited = await v2Json(app, { key: a.key, action: 'balance' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: 'Too many requests' });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await v2Form(app, { key: b.key, action: 'balance' })).json()).toEqual({
      balance: '100.000000',
      currency: 'USD',
    });
  });
});
