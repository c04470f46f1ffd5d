import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { app } = await startGateway(t);
const cat = await seedCatalog(t.sql);
const admin = app.issueToken({ id: await seedUser(t.sql, { role: 'admin' }), role: 'admin' });
const customer = app.issueToken({ id: await seedUser(t.sql, { balance: '10000' }), role: 'user' });
const poll = newId('service');
await t.sql`insert into services (id, name, category_id, type, rate, min_order, max_order, mode, status)
  values (${poll}, 'IG poll votes', ${cat.catA}, 'Poll', '10', 10, 100, 'manual', 'inactive')`;

const bulk = (payload: Record<string, unknown>, token = admin) =>
  app.inject({ method: 'POST', url: '/api/admin/services/bulk-status', headers: bearer(token), payload });
const statusOf = async (id: string) => (await t.sql`select status from services where id = ${id}`)[0]?.status;

describe('POST /api/admin/services/bulk-status', () => {
  it('turns many services off at once; customers can no longer order them', async () => {
    const res = await bulk({ ids: [cat.auto, cat.manual, cat.auto], status: 'inactive' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ changed: [cat.auto, cat.manual], refused: [] });
    expect(await statusOf(cat.auto)).toBe('inactive');
    const order = await app.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: bearer(customer),
      payload: { categoryId: cat.catA, serviceId: cat.manual, link: 'https://a.com/x', qty: 100 },
    });
    expect(order.statusCode).toBe(422);
    expect(order.json().error.code).toBe('SERVICE_INACTIVE');
  });

  it('each service keeps its own rules: a type the panel cannot send stays off, the rest turn on', async () => {
    const res = await bulk({ ids: [cat.auto, poll, cat.manual], status: 'active' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.changed).toEqual([cat.auto, cat.manual]);
    expect(body.refused).toEqual([
      { id: poll, message: expect.stringMatching(/cannot be sent by this panel/) },
    ]);
    expect(await statusOf(poll)).toBe('inactive');
    expect(await statusOf(cat.manual)).toBe('active');
  });

  it('an unknown id is refused by name, and bad input is a 400 that changes nothing', async () => {
    const ghost = newId('service');
    const res = await bulk({ ids: [ghost, cat.inB], status: 'inactive' });
    expect(res.json()).toMatchObject({
      changed: [cat.inB],
      refused: [{ id: ghost, message: 'service not found' }],
    });
    for (const payload of [
      { ids: [], status: 'inactive' },
      { ids: ['nope'], status: 'inactive' },
      { ids: [cat.auto], status: 'off' },
      { ids: Array.from({ length: 501 }, () => newId('service')), status: 'inactive' },
    ]) {
      expect((await bulk(payload)).statusCode).toBe(400);
    }
    expect(await statusOf(cat.auto)).toBe('active');
    expect((await bulk({ ids: [cat.auto], status: 'inactive' }, customer)).statusCode).toBe(403);
  });
});
