import http from 'node:http';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { app } = await startGateway(t, { ORDER_WATCH_INTERVAL_MS: '100' });
const cat = await seedCatalog(t.sql);
const base = await app.listen({ host: '127.0.0.1', port: 0 });

const userId = await seedUser(t.sql, { balance: '10000' });
const token = app.issueToken({ id: userId, role: 'user' });
const otherId = await seedUser(t.sql, { balance: '10000' });
const otherToken = app.issueToken({ id: otherId, role: 'user' });

async function place(tok: string, link: string): Promise<{ id: string; number: number }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: bearer(tok),
    payload: { categoryId: cat.catA, serviceId: cat.manual, link, qty: 100 },
  });
  expect(res.statusCode).toBe(201);
  const body = res.json();
  return { id: body.orderIds[0], number: body.orderNumbers[0] };
}

const a = await place(token, 'https://instagram.com/alpha');
const b = await place(token, 'https://instagram.com/beta');
const c = await place(token, 'https://tiktok.com/@gamma');
const d = await place(token, 'https://tiktok.com/@delta');
const foreign = await place(otherToken, 'https://instagram.com/alpha');
await t.sql`update orders set status = 'submitting' where id = ${b.id}`;
await t.sql`update orders set status = 'needs_review', review_kind = 'sent_no_answer' where id = ${c.id}`;
await t.sql`update orders set status = 'completed', remains = 0 where id = ${d.id}`;

const list = (q: string, tok = token) =>
  app.inject({ method: 'GET', url: `/api/user/orders?${q}`, headers: bearer(tok) });

describe('My orders: tabs in customer words, with counts, and search', () => {
  it('Pending covers orders being sent and in review; the counts say so for every tab', async () => {
    const body = (await list('status=pending')).json();
    expect(body.orders.map((o: { id: string }) => o.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(body.counts).toEqual({
      pending: 3,
      processing: 0,
      in_progress: 0,
      completed: 1,
      partial: 0,
      canceled: 0,
    });
    expect((await list('status=completed')).json().orders.map((o: { id: string }) => o.id)).toEqual([d.id]);
  });

  it('internal statuses are not filters customers can use', async () => {
    for (const s of ['submitting', 'needs_review']) {
      const res = await list(`status=${s}`);
      expect(res.statusCode, s).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('search finds an order by its number, or by a piece of its link in any case; counts follow it', async () => {
    const byNumber = (await list(`search=${d.number}`)).json();
    expect(byNumber.orders.map((o: { id: string }) => o.id)).toEqual([d.id]);
    expect(byNumber.counts.completed).toBe(1);
    expect(byNumber.counts.pending).toBe(0);

    const byLink = (await list('search=TIKTOK.com')).json();
    expect(byLink.orders.map((o: { id: string }) => o.id).sort()).toEqual([c.id, d.id].sort());
    // Another customer's order with the same link is never found.
    const alpha = (await list('search=alpha')).json();
    expect(alpha.orders.map((o: { id: string }) => o.id)).toEqual([a.id]);
    expect((await list(`search=${foreign.number}`)).json().orders).toEqual([]);
    // LIKE wildcards are text, not patterns.
    expect((await list('search=%25')).json().orders).toEqual([]);
  });
});

/** Reads `event: order` events from the stream until `until` says stop (or the time runs out). */
async function readEvents(
  url: string,
  tok: string,
  until: (orders: { id: string; status: string }[]) => boolean,
  timeoutMs = 5000,
) {
  const res = await fetch(url, { headers: bearer(tok), signal: AbortSignal.timeout(timeoutMs) });
  const seen: { id: string; status: string }[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  try {
    while (!until(seen)) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += value;
      let at = buf.indexOf('\n\n');
      while (at >= 0) {
        const block = buf.slice(0, at);
        buf = buf.slice(at + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: order') && data) seen.push(JSON.parse(data.slice(6)));
        at = buf.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return { res, seen };
}

describe('GET /api/user/orders/events', () => {
  it('sends the current state at once, then each change, as an event stream', async () => {
    const url = `${base}/api/user/orders/events?ids=${a.id},${b.id}`;
    setTimeout(() => t.sql`update orders set status = 'processing' where id = ${a.id}`.execute(), 400);
    const { res, seen } = await readEvents(url, token, (s) => s.some((o) => o.status === 'processing'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(
      seen
        .slice(0, 2)
        .map((o) => o.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(seen.at(-1)).toMatchObject({ id: a.id, status: 'processing', number: a.number });
    // Nothing is sent twice for an unchanged order.
    expect(seen.filter((o) => o.id === b.id)).toHaveLength(1);
  });

  it("never sends another customer's order, watched by id", async () => {
    const url = `${base}/api/user/orders/events?ids=${foreign.id},${a.id}`;
    const { seen } = await readEvents(url, token, (s) => s.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((o) => o.id)).toEqual([a.id]);
    const live = await app.inject({
      method: 'GET',
      url: `/api/user/orders/live?ids=${foreign.id},${a.id}`,
      headers: bearer(token),
    });
    expect(live.json().orders.map((o: { id: string }) => o.id)).toEqual([a.id]);
  });

  it('refuses bad watch lists with 400, and no session with 401, before any stream opens', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => `ord_01${String(i).padStart(24, 'a')}`).join(',');
    for (const q of ['', 'ids=', 'ids=abc', `ids=${ids}`]) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/user/orders/events?${q}`,
        headers: bearer(token),
      });
      expect(res.statusCode, q).toBe(400);
    }
    const res = await app.inject({ method: 'GET', url: `/api/user/orders/events?ids=${a.id}` });
    expect(res.statusCode).toBe(401);
  });

  it('holds at most ten streams per customer, and frees one when its client leaves', async () => {
    // Each on its own connection, dropped as a closed tab drops it.
    const open = await Promise.all(
      Array.from(
        { length: 10 },
        () =>
          new Promise<{ req: http.ClientRequest; status: number | undefined }>((resolve) => {
            const req = http.get(
              `${base}/api/user/orders/events?ids=${a.id}`,
              { headers: bearer(token), agent: false },
              (res) => resolve({ req, status: res.statusCode }),
            );
          }),
      ),
    );
    expect(open.map((o) => o.status)).toEqual(Array(10).fill(200));
    const refused = await fetch(`${base}/api/user/orders/events?ids=${a.id}`, { headers: bearer(token) });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Someone else is not affected.
    const theirs = await app.inject({
      method: 'GET',
      url: `/api/user/orders/live?ids=${foreign.id}`,
      headers: bearer(otherToken),
    });
    expect(theirs.statusCode).toBe(200);

    for (const o of open) o.req.destroy();
    await expect.poll(() => app.orderWatch.size, { timeout: 3000 }).toBe(0);
    const again = await fetch(`${base}/api/user/orders/events?ids=${a.id}`, {
      headers: bearer(token),
      signal: AbortSignal.timeout(2000),
    });
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });
});
