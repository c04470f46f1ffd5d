import { subMoney } from '@smm/domain';
import { ProviderClient, ProviderError } from '@smm/provider-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.ts';

// The project's own provider client against the sandbox over real HTTP: every action.
const sandbox = await startSandbox({
  outcomes: [{ match: { linkIncludes: 'partial-40' }, status: 'Partial', remains: 40 }],
});
afterAll(() => sandbox.close());
const client = new ProviderClient({ apiUrl: sandbox.apiUrl, apiKey: sandbox.apiKey });

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProviderError);
    return e as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

describe('provider client ↔ sandbox', () => {
  it('services lists the catalog with exact rates and types', async () => {
    const { services, skipped } = await client.services();
    expect(skipped).toBe(0);
    expect(services.find((s) => s.service === '1')).toMatchObject({
      rate: '0.9',
      min: 50,
      max: 10000,
      refill: true,
    });
    expect(services.find((s) => s.service === '4')!.type).toBe('Custom Comments');
    expect(services.find((s) => s.service === '5')!.type).toBe('Package');
  });

  it('add, status, multi-status for Default, drip-feed, Custom Comments and Package', async () => {
    const a = await client.add({ service: '1', link: 'https://instagram.com/a', quantity: 100 });
    const b = await client.add({
      service: '3',
      link: 'https://youtube.com/v',
      quantity: 1000,
      runs: 5,
      interval: 10,
    });
    const c = await client.add({ service: '4', link: 'https://instagram.com/p/1', comments: 'nice\ngreat' });
    const d = await client.add({ service: '5', link: 'https://instagram.com/pkg' });
    const e = await client.add({ service: '1', link: 'https://instagram.com/partial-40', quantity: 100 });
    expect(sandbox.addCalls('https://instagram.com/a')).toEqual({ total: 1, accepted: 1 });
    const single = await client.status(a.providerOrderId);
    expect(single).toMatchObject({ ok: true, value: { status: 'Completed', remains: 0 } });
    const multi = await client.multiStatus([a, b, c, d, e].map((x) => x.providerOrderId).concat('999999'));
    expect(multi.get(e.providerOrderId)).toMatchObject({
      ok: true,
      value: { status: 'Partial', remains: 40 },
    });
    expect(multi.get(d.providerOrderId)).toMatchObject({ ok: true });
    expect(multi.get('999999')).toEqual({ ok: false, error: 'Incorrect order ID' });
  });

  it('refill, refill_status, cancel and balance', async () => {
    const before = await client.balance();
    const a = await client.add({ service: '1', link: 'https://instagram.com/refill-me', quantity: 1000 });
    const after = await client.balance();
    expect(subMoney(before.balance, after.balance)).toBe('0.900000');
    const refill = await client.refill(a.providerOrderId);
    expect(refill.ok).toBe(true);
    const refillId = refill.ok ? refill.value : '';
    const st = await client.refillStatus(refillId);
    expect(st.ok).toBe(true);
    const multiSt = await client.multiRefillStatus([refillId, '424242']);
    expect(multiSt.get('424242')!.ok).toBe(false);
    const multiRefill = await client.multiRefill([a.providerOrderId, '999998']);
    expect(multiRefill.get('999998')!.ok).toBe(false);
    const cancel = await client.cancel(['999997']);
    expect(cancel.get('999997')!.ok).toBe(false);
  });

  it('the sandbox refusals arrive classified', async () => {
    expect((await failure(client.add({ service: '77', link: 'https://x.com/a', quantity: 100 }))).kind).toBe(
      'rejected_hard',
    );
    expect((await failure(client.add({ service: '1', link: 'https://x.com/a', quantity: 1 }))).kind).toBe(
      'rejected_hard',
    );
    const wrongKey = new ProviderClient({ apiUrl: sandbox.apiUrl, apiKey: 'not-the-key' });
    expect((await failure(wrongKey.add({ service: '1', link: 'https://x.com/a', quantity: 100 }))).kind).toBe(
      'rejected_soft',
    );
    sandbox.setFaults({ match: { action: ['add'] }, effect: { type: 'unavailable' } });
    expect((await failure(client.add({ service: '1', link: 'https://x.com/b', quantity: 100 }))).kind).toBe(
      'rate_limited',
    );
    sandbox.setFaults({ match: { action: ['add'] }, effect: { type: 'html' } });
    expect((await failure(client.add({ service: '1', link: 'https://x.com/c', quantity: 100 }))).kind).toBe(
      'ambiguous',
    );
    sandbox.clearFaults();
  });
});
