import { describe, expect, it } from 'vitest';
import { type RunningSandbox, type StartSandboxOptions, startSandbox } from '../src/index.ts';
import { adminCall, callApi, manualClock } from './support/http.ts';

type StatusEntry = { charge: string; start_count: string; status: string; remains: string; currency: string };

async function withSandbox<T>(
  options: StartSandboxOptions,
  fn: (sb: RunningSandbox) => Promise<T>,
): Promise<T> {
  const sb = await startSandbox(options);
  try {
    return await fn(sb);
  } finally {
    await sb.close();
  }
}

async function status(sb: RunningSandbox, id: number): Promise<StatusEntry> {
  return (await callApi(sb, { action: 'status', order: id })).json as StatusEntry;
}

async function addOrders(sb: RunningSandbox, count: number, quantity = 1000): Promise<void> {
  for (let i = 0; i < count; i++) {
    const reply = await callApi(sb, { action: 'add', service: 1, link: `https://ig/u${i}`, quantity });
    expect(reply.json).toEqual({ order: i + 1 });
  }
}

describe('order lifecycle over time', () => {
  it('goes Pending → In progress → Completed, remains only ever falling', async () => {
    const clock = manualClock();
    await withSandbox({ durationMs: 10_000, clock: clock.now }, async (sb) => {
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 1000 });
      const seen: StatusEntry[] = [];
      for (let t = 0; t <= 10_000; t += 250) {
        seen.push(await status(sb, 1));
        clock.advance(250);
      }
      const statuses = seen.map((s) => s.status);
      expect(statuses[0]).toBe('Pending');
      expect(statuses.at(-1)).toBe('Completed');
      expect(statuses).toContain('In progress');
      // Each status shows up as one unbroken run, in lifecycle order.
      const order = ['Pending', 'In progress', 'Completed'];
      const ranks = statuses.map((s) => order.indexOf(s));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      const remains = seen.map((s) => Number(s.remains));
      expect(remains[0]).toBe(1000);
      expect(remains.at(-1)).toBe(0);
      expect(remains).toEqual([...remains].sort((a, b) => b - a));
      const midway = seen.filter((s) => s.status === 'In progress').map((s) => Number(s.remains));
      expect(midway.some((r) => r > 0 && r < 1000)).toBe(true);
      expect(new Set(seen.map((s) => s.start_count)).size).toBe(1);
      expect(new Set(seen.map((s) => s.charge))).toEqual(new Set(['0.90']));
    });
  });

  it('completes in real time with a short duration', async () => {
    await withSandbox({ durationMs: 150 }, async (sb) => {
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/a', quantity: 100 });
      expect((await status(sb, 1)).status).not.toBe('Completed');
      const deadline = Date.now() + 3000;
      let last = await status(sb, 1);
      while (last.status !== 'Completed' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        last = await status(sb, 1);
      }
      expect(last).toMatchObject({ status: 'Completed', remains: '0' });
    });
  });

  it('ends about the configured shares Partial and Canceled, with realistic remains and charges', async () => {
    await withSandbox({ partialRate: 0.25, cancelRate: 0.15, balance: '100000', seed: 7 }, async (sb) => {
      await addOrders(sb, 400);
      const ids = Array.from({ length: 400 }, (_, i) => i + 1);
      const entries: StatusEntry[] = [];
      for (let i = 0; i < ids.length; i += 100) {
        const reply = await callApi(sb, { action: 'status', orders: ids.slice(i, i + 100).join(',') });
        entries.push(...Object.values(reply.json as Record<string, StatusEntry>));
      }
      const partial = entries.filter((e) => e.status === 'Partial');
      const canceled = entries.filter((e) => e.status === 'Canceled');
      const completed = entries.filter((e) => e.status === 'Completed');
      expect(partial.length + canceled.length + completed.length).toBe(400);
      expect(partial.length / 400).toBeGreaterThan(0.15);
      expect(partial.length / 400).toBeLessThan(0.35);
      expect(canceled.length / 400).toBeGreaterThan(0.07);
      expect(canceled.length / 400).toBeLessThan(0.23);
      for (const p of partial) {
        const remains = Number(p.remains);
        expect(remains).toBeGreaterThan(0);
        expect(remains).toBeLessThan(1000);
        // charge follows what was delivered: 0.90 × (1000 − remains) / 1000
        expect(Number(p.charge)).toBeCloseTo((0.9 * (1000 - remains)) / 1000, 6);
      }
      for (const c of canceled) expect(c).toMatchObject({ remains: '1000', charge: '0.00' });
    });
  });

  it('refunds what a Partial or Canceled order did not deliver once it ends', async () => {
    const clock = manualClock();
    const outcomes = [
      { match: { linkIncludes: 'partial-157' }, status: 'Partial' as const, remains: 157 },
      { match: { linkIncludes: 'cancel-me' }, status: 'Canceled' as const },
    ];
    await withSandbox({ durationMs: 10_000, clock: clock.now, balance: '10', outcomes }, async (sb) => {
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/partial-157', quantity: 1000 });
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/cancel-me', quantity: 1000 });
      expect(sb.balance()).toBe('8.20');
      clock.advance(10_000);
      expect(await status(sb, 1)).toMatchObject({ status: 'Partial', remains: '157', charge: '0.7587' });
      expect(await status(sb, 2)).toMatchObject({ status: 'Canceled', remains: '1000', charge: '0.00' });
      // 8.20 + (0.90 − 0.7587) + 0.90
      expect((await callApi(sb, { action: 'balance' })).json).toEqual({ balance: '9.2413', currency: 'USD' });
    });
  });
});

describe('determinism', () => {
  async function story(seed: number): Promise<unknown> {
    const clock = manualClock();
    return withSandbox(
      { seed, durationMs: 5000, partialRate: 0.3, cancelRate: 0.2, clock: clock.now },
      async (sb) => {
        await addOrders(sb, 30);
        const ids = Array.from({ length: 30 }, (_, i) => i + 1).join(',');
        const snapshots: unknown[] = [];
        for (const step of [0, 1000, 3000, 5000]) {
          clock.advance(step);
          snapshots.push((await callApi(sb, { action: 'status', orders: ids })).json);
        }
        return snapshots;
      },
    );
  }

  it('tells the same story for the same seed and a different one for another seed', async () => {
    const a = await story(42);
    const b = await story(42);
    const c = await story(43);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('outcome rules', () => {
  it('forces matching orders to a chosen end, by link or by service', async () => {
    const outcomes = [
      { match: { linkIncludes: 'partial-157' }, status: 'Partial' as const, remains: 157, startCount: 3572 },
      { match: { linkIncludes: 'over' }, status: 'Completed' as const, remains: -25 },
      { match: { service: 2 }, status: 'Canceled' as const },
    ];
    await withSandbox({ outcomes, partialRate: 0.5, cancelRate: 0.5 }, async (sb) => {
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/x-partial-157', quantity: 1000 });
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/over', quantity: 100 });
      await callApi(sb, { action: 'add', service: 2, link: 'https://ig/likes', quantity: 100 });
      expect(await status(sb, 1)).toEqual({
        charge: '0.7587',
        start_count: '3572',
        status: 'Partial',
        remains: '157',
        currency: 'USD',
      });
      expect(await status(sb, 2)).toMatchObject({ status: 'Completed', remains: '-25', charge: '0.09' });
      expect(await status(sb, 3)).toMatchObject({ status: 'Canceled', remains: '100' });
    });
  });

  it('can keep an order stuck In progress or Pending for good', async () => {
    const clock = manualClock();
    const outcomes = [
      { match: { linkIncludes: 'stuck-running' }, status: 'In progress' as const, remains: 40 },
      { match: { linkIncludes: 'stuck-pending' }, status: 'Pending' as const },
    ];
    await withSandbox({ outcomes, clock: clock.now, durationMs: 1000 }, async (sb) => {
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/stuck-running', quantity: 100 });
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/stuck-pending', quantity: 100 });
      clock.advance(86_400_000);
      expect(await status(sb, 1)).toMatchObject({ status: 'In progress', remains: '40' });
      expect(await status(sb, 2)).toMatchObject({ status: 'Pending', remains: '100' });
    });
  });

  it('changes over the admin endpoint for new orders only', async () => {
    await withSandbox({}, async (sb) => {
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/later', quantity: 100 });
      const put = await adminCall(sb, 'PUT', '/outcomes', {
        rules: [{ match: { linkIncludes: 'later' }, status: 'Partial', remains: 10 }],
      });
      expect(put.status).toBe(200);
      await callApi(sb, { action: 'add', service: 1, link: 'https://ig/later', quantity: 100 });
      expect((await status(sb, 1)).status).toBe('Completed');
      expect(await status(sb, 2)).toMatchObject({ status: 'Partial', remains: '10' });
      const bad = await adminCall(sb, 'PUT', '/outcomes', [{ status: 'Exploded' }]);
      expect(bad.status).toBe(400);
    });
  });
});
