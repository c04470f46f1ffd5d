import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { ledgerBalance } from '@smm/db';
import { forwardJobId, QUEUE } from '@smm/queue';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/index.ts';
import { bearer, counts, seedCatalog, seedUser, startGateway } from './harness.ts';

async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

/** A Redis owned by this test alone: stopping it cannot disturb anyone else's (6379 is shared). */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error('redis-server exited')));
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}

const port = await freePort();
let redis = await startRedis(port);
afterAll(() => stopRedis(redis));

const t = await useTestDatabase();
// Queues and the rate limiter both on the test-owned Redis: the real outage takes both away.
const { app, deps } = await startGateway(t, {}, { redisUrl: `redis://127.0.0.1:${port}` });
const cat = await seedCatalog(t.sql);
const userId = await seedUser(t.sql, { balance: '1000' });
const token = app.issueToken({ id: userId, role: 'user' });
const login = { email: 'outage-login@example.com', password: 'outage-password-1' };
await createUser(t.sql, { ...login, name: 'Outage' });
const line = { categoryId: cat.catA, serviceId: cat.auto, link: 'https://instagram.com/a', qty: 100 };

function post(payload: object, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: { ...bearer(token), ...headers },
    payload,
  });
}

describe('Redis goes away during order intake', () => {
  it('before: the order is queued', async () => {
    const res = await post(line);
    expect(res.statusCode).toBe(201);
    const job = await deps.producer.queue(QUEUE.orderForward).getJob(forwardJobId(res.json().orderIds[0], 1));
    expect(job).toBeDefined();
  });

  it('during: orders are accepted and charged once, stay pending, and /readyz says 503', async () => {
    const closed = once(deps.producer.connection, 'close');
    await stopRedis(redis);
    await closed;

    const before = await counts(t.sql, userId);
    const single = await post(line);
    const mass = await post({ orders: [line, line, line] });
    const keyed = await post(line, { 'idempotency-key': 'outage-1' });
    const keyedAgain = await post(line, { 'idempotency-key': 'outage-1' });
    for (const r of [single, mass, keyed, keyedAgain]) expect(r.statusCode).toBe(201);
    expect(keyedAgain.json()).toEqual(keyed.json());

    const ids = [...single.json().orderIds, ...mass.json().orderIds, ...keyed.json().orderIds];
    const rows = await t.sql`select status from orders where id = any(${ids}::text[])`;
    expect(rows.map((r) => r.status)).toEqual(Array(5).fill('pending'));
    const after = await counts(t.sql, userId);
    expect(after.orders - before.orders).toBe(5);
    expect(after.ledger - before.ledger).toBe(5);
    expect(after.balance).toBe('940.000000');
    expect(await ledgerBalance(t.sql, userId)).toEqual({ balance: '940.000000', ledgerSum: '940.000000' });

    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ success: false, postgres: 'ok', redis: 'down' });
  });

  it('during: a login is refused with 503 at once (never unthrottled, never hanging); sessions still work', async () => {
    const started = Date.now();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: login });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(res.headers['retry-after']).toBe('5');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(
      (await app.inject({ method: 'GET', url: '/api/user/me', headers: bearer(token) })).statusCode,
    ).toBe(200);
  });

  it('after: Redis is back, new orders are queued again', async () => {
    redis = await startRedis(port);
    const ready = once(deps.producer.connection, 'ready');
    await ready;
    const res = await post(line);
    expect(res.statusCode).toBe(201);
    const job = await deps.producer.queue(QUEUE.orderForward).getJob(forwardJobId(res.json().orderIds[0], 1));
    expect(job).toBeDefined();
    // The rate-limit connection reconnects on its own: logins work again.
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: login })).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
