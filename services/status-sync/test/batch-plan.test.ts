import type { PerOrder, ProviderOrderStatus } from '@smm/provider-client';
import { describe, expect, it } from 'vitest';
import { type LoadedOrder, planBatch } from '../src/index.ts';

const order: LoadedOrder = {
  id: 'ord_01jc0000000000000000000000',
  userId: 'usr_01jc0000000000000000000000',
  status: 'in_progress',
  providerOrderId: '77',
  quantity: 1000,
  serviceType: 'Default',
  runs: null,
  syncErrors: 0,
  price: '1.000000',
  currency: 'USD',
  providerStatus: 'In progress',
  startCount: '10',
  remains: '500',
  unchangedChecks: 2,
  ageMs: 3 * 3600_000,
  refunded: '0',
};

function reply(v: Partial<ProviderOrderStatus>): Map<string, PerOrder<ProviderOrderStatus>> {
  const value: ProviderOrderStatus = {
    status: 'In progress',
    charge: '0.9',
    startCount: 10,
    remains: 500,
    remainsRaw: '500',
    currency: 'USD',
    ...v,
  };
  return new Map([['77', { ok: true, value }]]);
}

describe('planBatch', () => {
  it('keeps the status for a word it does not know, stores the word and says so', () => {
    const plan = planBatch([order], reply({ status: 'On hold' }));
    expect(plan.rows[0]).toMatchObject({ status: 'in_progress', providerStatus: 'On hold', terminal: false });
    expect(plan.rows[0]!.lastError).toBe('provider status "On hold" not recognised; status kept');
    expect(plan.activity).toEqual([]);
    expect(plan.refunds).toEqual([]);
  });

  it('counts an unchanged check and polls less often; a moved one resets the count', () => {
    expect(planBatch([order], reply({})).rows[0]).toMatchObject({ unchanged: 3, nextInMs: 10 * 60_000 });
    expect(planBatch([order], reply({ remains: 400 })).rows[0]).toMatchObject({
      unchanged: 0,
      nextInMs: 60_000,
    });
  });

  it('refunds on cancel only what was not refunded yet', () => {
    const plan = planBatch([{ ...order, refunded: '0.250000' }], reply({ status: 'Canceled' }));
    expect(plan.refunds).toEqual([
      expect.objectContaining({ kind: 'canceled', amount: '0.750000', orderId: order.id }),
    ]);
  });

  it('drops numbers no column can hold instead of failing the batch', () => {
    const plan = planBatch([order], reply({ charge: `1${'0'.repeat(20)}`, startCount: 2 ** 60 }));
    expect(plan.rows[0]).toMatchObject({ charge: null, startCount: null });
  });
});
