import { randomBytes } from 'node:crypto';
import { rotateProviderSecrets } from '@smm/db';
import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { sessions } from './admin-fixtures.ts';
import { bearer, startGateway } from './harness.ts';

// A SECRETS_KEY rotation as an operator runs it (README "Docker"): the services restart with the new
// key and SECRETS_KEY_PREVIOUS=old, `npm run secrets:rotate` re-encrypts every row, then they restart
// with the new key alone. Every provider keeps working at each step.
const t = await useTestDatabase();
const oldKey = randomBytes(32).toString('hex');
const newKey = randomBytes(32).toString('hex');
const API_KEY = 'rotation-sandbox-key-4b7e1d9a';
const sandbox = await startSandbox({ apiKey: API_KEY });
afterAll(() => sandbox.close());

const before = await startGateway(t, { SECRETS_KEY: oldKey });
const during = await startGateway(t, { SECRETS_KEY: newKey, SECRETS_KEY_PREVIOUS: oldKey });
const after = await startGateway(t, { SECRETS_KEY: newKey });
// One JWT secret for all three (the harness'), so one admin session works on each.
const s = await sessions(before.app, t.sql);

function createProvider(app: FastifyInstance, name: string) {
  return app.inject({
    method: 'POST',
    url: '/api/admin/providers',
    headers: bearer(s.admin),
    payload: { name, apiUrl: sandbox.apiUrl, apiKey: API_KEY, loginUser: 'ops', loginPass: `pass-${name}` },
  });
}

function check(app: FastifyInstance, id: string) {
  return app.inject({ method: 'POST', url: `/api/admin/providers/${id}/check`, headers: bearer(s.admin) });
}

describe('rotating SECRETS_KEY', () => {
  const ids: string[] = [];

  it('before: providers saved under the old key work', async () => {
    for (const name of ['first', 'second']) {
      const res = await createProvider(before.app, name);
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().provider.id);
    }
    for (const id of ids) expect((await check(before.app, id)).statusCode).toBe(200);
  });

  it('during (new key + previous): rows not yet rotated still work; new rows are sealed with the new key', async () => {
    for (const id of ids) {
      const res = await check(during.app, id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().provider.apiKeyMasked).toBe(`••••${API_KEY.slice(-4)}`);
    }
    const third = await createProvider(during.app, 'third');
    expect(third.statusCode).toBe(201);
    ids.push(third.json().provider.id);
    expect((await check(after.app, ids[2]!)).statusCode).toBe(200);
    // The new key alone cannot open the old rows yet: that is what the rotation is for.
    const stale = await check(after.app, ids[0]!);
    expect(stale.statusCode).toBe(422);
    expect(stale.json().error.message).toMatch(/cannot be decrypted with this SECRETS_KEY/);
  });

  it('secrets:rotate re-encrypts every row once; afterwards the new key alone opens them all', async () => {
    const result = await rotateProviderSecrets(t.sql, during.deps.secretBox);
    // The old rows' api key and login password each; the third row's two were already current.
    expect(result).toEqual({ providers: 3, reencrypted: 4, alreadyCurrent: 2, unreadable: [] });
    for (const id of ids) {
      const res = await check(after.app, id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ success: true, balance: expect.any(String) });
    }
    // The old key opens nothing any more, and a second run is a no-op.
    expect((await check(before.app, ids[0]!)).statusCode).toBe(422);
    expect(await rotateProviderSecrets(t.sql, during.deps.secretBox)).toMatchObject({
      reencrypted: 0,
      alreadyCurrent: 6,
    });
  });
});
