import { forwardJobId, QUEUE } from '@smm/queue';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { app, deps } = await startGateway(t);
const cat = await seedCatalog(t.sql);
const userId = await seedUser(t.sql, { balance: '10000' });
const token = app.issueToken({ id: userId, role: 'user' });
const queue = () => deps.producer.queue(QUEUE.orderForward);

async function create(payload: object) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: bearer(token),
    payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json().orderIds as string[];
}

const line = (serviceId: string, categoryId = cat.catA) => ({
  categoryId,
  serviceId,
  link: 'https://instagram.com/someone',
  qty: 100,
});

describe('forward-order jobs after commit', () => {
  it('an auto order has a forward-order job fwd-<id>-1 carrying its ids', async () => {
    const [id] = await create(line(cat.auto));
    const job = await queue().getJob(forwardJobId(id!, 1));
    expect(job?.name).toBe('forward-order');
    // Ids only: the forwarder reads the provider from the service when it claims the order.
    expect(job?.data).toEqual({ orderId: id });
    const [o] = await t.sql`select status, provider_id, forward_round from orders where id = ${id!}`;
    expect(o).toEqual({ status: 'pending', provider_id: cat.providerId, forward_round: 1 });
  });

  it('a manual order gets no job and stays pending for an admin', async () => {
    const [id] = await create(line(cat.manual));
    expect(await queue().getJob(forwardJobId(id!, 1))).toBeUndefined();
    const [o] = await t.sql`select status from orders where id = ${id!}`;
    expect(o!.status).toBe('pending');
  });

  it('a mass order enqueues one job per auto line, none for manual lines', async () => {
    const ids = await create({
      orders: [line(cat.auto), line(cat.manual), line(cat.inB, cat.catB), line(cat.auto)],
    });
    const jobs = await Promise.all(ids.map((id) => queue().getJob(forwardJobId(id, 1))));
    expect(jobs.map((j) => j?.id ?? null)).toEqual([
      forwardJobId(ids[0]!, 1),
      null,
      forwardJobId(ids[2]!, 1),
      forwardJobId(ids[3]!, 1),
    ]);
  });
});
