import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../src/index.ts';
import { adminCall, callApi, fetchFailure } from './support/http.ts';

let sb: RunningSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe('refusing connections', () => {
  it('stopListening refuses new connections; startListening recovers on the same port with its orders', async () => {
    sb = await startSandbox();
    const running = sb;
    await callApi(running, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 });
    const port = running.port;
    await running.stopListening();
    expect(await fetchFailure(callApi(running, { action: 'balance' }))).toBe('ECONNREFUSED');
    await running.startListening();
    expect(running.port).toBe(port);
    expect((await callApi(running, { action: 'status', order: 1 })).json).toMatchObject({
      status: 'Completed',
    });
  });

  it('an outage over the admin endpoint refuses for a while, then recovers by itself', async () => {
    sb = await startSandbox();
    const running = sb;
    const reply = await adminCall(running, 'POST', '/outage', { ms: 400 });
    expect(reply.json).toEqual({ ok: true, ms: 400 });
    const refusedAt = Date.now();
    let refused = false;
    while (Date.now() - refusedAt < 200) {
      try {
        await callApi(running, { action: 'balance' });
      } catch (err) {
        refused = (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
        if (refused) break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(refused).toBe(true);
    const deadline = Date.now() + 3000;
    let back = false;
    while (!back && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      back = await callApi(running, { action: 'balance' }).then(
        (r) => r.status === 200,
        () => false,
      );
    }
    expect(back).toBe(true);
  });

  it('outage() in process: refused as soon as it resolves, back after the period', async () => {
    sb = await startSandbox();
    const running = sb;
    await running.outage(200);
    expect(await fetchFailure(callApi(running, { action: 'balance' }))).toBe('ECONNREFUSED');
    await new Promise((r) => setTimeout(r, 400));
    expect((await callApi(running, { action: 'balance' })).status).toBe(200);
  });

  it('closes cleanly while requests are held or the listener is down', async () => {
    const held = await startSandbox({
      faults: [{ match: { action: 'add' }, effect: { type: 'timeout-after-accept' } }],
    });
    const pending = callApi(held, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 }).catch(
      (err: unknown) => err,
    );
    await new Promise((r) => setTimeout(r, 100));
    const start = performance.now();
    await held.close();
    expect(performance.now() - start).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);

    const down = await startSandbox();
    await down.stopListening();
    await down.close();
  });
});
