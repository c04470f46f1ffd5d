import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Batcher } from '../src/batcher.ts';

describe('Batcher', () => {
  it('gathers concurrent calls into batches, never one key twice in a batch, at most maxInFlight at once', async () => {
    const batches: string[][] = [];
    let running = 0;
    let maxRunning = 0;
    const b = new Batcher(
      async (inputs: string[]) => {
        batches.push(inputs);
        maxRunning = Math.max(maxRunning, ++running);
        await sleep(20);
        running--;
        return inputs.map((i) => i.toUpperCase());
      },
      { maxSize: 3, maxInFlight: 2, key: (i) => i },
    );
    const out = await Promise.all(['a', 'b', 'a', 'c', 'd', 'e', 'f'].map((i) => b.load(i)));
    expect(out).toEqual(['A', 'B', 'A', 'C', 'D', 'E', 'F']);
    expect(batches.every((x) => x.length <= 3 && new Set(x).size === x.length)).toBe(true);
    expect(batches.flat().sort()).toEqual(['a', 'a', 'b', 'c', 'd', 'e', 'f']);
    expect(batches.length).toBeLessThan(7);
    expect(maxRunning).toBe(2);
  });

  it('a failed batch fails each of its calls, and later batches still run', async () => {
    let fail = true;
    const b = new Batcher(
      async (inputs: number[]) => {
        if (fail) throw new Error('statement failed');
        return inputs.map((i) => i * 2);
      },
      { maxSize: 10, maxInFlight: 1, key: String },
    );
    const first = await Promise.allSettled([b.load(1), b.load(2)]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await b.load(3)).toBe(6);
  });
});
