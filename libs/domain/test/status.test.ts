import { describe, expect, it } from 'vitest';
import {
  allowedSources,
  assertTransition,
  CUSTOMER_STATUS_WORD,
  CUSTOMER_STATUSES,
  canTransition,
  customerStatus,
  mapProviderStatus,
  ORDER_STATUSES,
  orderStatusesOf,
  toProviderWord,
} from '../src/index.ts';

describe('mapProviderStatus', () => {
  const cases: Array<[string, string]> = [
    ['Pending', 'processing'],
    ['pending', 'processing'],
    ['Processing', 'processing'],
    ['In progress', 'in_progress'],
    ['in progress', 'in_progress'],
    ['InProgress', 'in_progress'],
    ['inprogress', 'in_progress'],
    ['In_Progress', 'in_progress'],
    ['Active', 'in_progress'],
    ['Completed', 'completed'],
    ['COMPLETED', 'completed'],
    [' completed ', 'completed'],
    ['Partial', 'partial'],
    ['partial', 'partial'],
    ['Canceled', 'canceled'],
    ['Cancelled', 'canceled'],
    ['cancelled', 'canceled'],
    ['Refunded', 'canceled'],
  ];
  it.each(cases)('%s → %s', (raw, expected) => {
    expect(mapProviderStatus(raw, 'processing')).toEqual({ status: expected, recognised: true });
  });
  it('keeps the current status for unknown words', () => {
    expect(mapProviderStatus('Fail', 'in_progress')).toEqual({ status: 'in_progress', recognised: false });
    expect(mapProviderStatus('', 'processing')).toEqual({ status: 'processing', recognised: false });
    expect(mapProviderStatus(undefined, 'processing').recognised).toBe(false);
  });
});

describe('toProviderWord', () => {
  it('maps our statuses out as architecture.md#reseller-api says', () => {
    expect(toProviderWord('pending')).toBe('Pending');
    expect(toProviderWord('submitting')).toBe('Pending');
    expect(toProviderWord('needs_review')).toBe('Pending');
    expect(toProviderWord('processing')).toBe('Processing');
    expect(toProviderWord('in_progress')).toBe('In progress');
    expect(toProviderWord('completed')).toBe('Completed');
    expect(toProviderWord('partial')).toBe('Partial');
    expect(toProviderWord('canceled')).toBe('Canceled');
  });
});

describe('customer statuses', () => {
  it('every order status reads as one customer word; Pending stands for the states before a provider', () => {
    expect(CUSTOMER_STATUSES.map((s) => CUSTOMER_STATUS_WORD[s])).toEqual([
      'Pending',
      'Processing',
      'In progress',
      'Completed',
      'Partial',
      'Canceled',
    ]);
    expect(orderStatusesOf('pending')).toEqual(['pending', 'submitting', 'needs_review']);
    expect(orderStatusesOf('in_progress')).toEqual(['in_progress']);
    // Each order status under exactly one customer word, and that word is its customerStatus.
    expect(CUSTOMER_STATUSES.flatMap(orderStatusesOf).sort()).toEqual([...ORDER_STATUSES].sort());
    for (const c of CUSTOMER_STATUSES) for (const s of orderStatusesOf(c)) expect(customerStatus(s)).toBe(c);
  });
});

describe('order state machine', () => {
  it('terminal statuses never move', () => {
    for (const t of ['completed', 'partial', 'canceled'] as const) {
      for (const to of ORDER_STATUSES) expect(canTransition(t, to)).toBe(false);
    }
  });
  it('forwarding moves', () => {
    expect(canTransition('pending', 'submitting')).toBe(true);
    expect(canTransition('submitting', 'processing')).toBe(true);
    expect(canTransition('submitting', 'pending')).toBe(true);
    expect(canTransition('submitting', 'needs_review')).toBe(true);
    expect(canTransition('submitting', 'canceled')).toBe(true);
    expect(canTransition('processing', 'submitting')).toBe(false);
  });
  it('needs_review is only left by an admin decision', () => {
    expect(allowedSources('needs_review')).toEqual(['submitting', 'processing', 'in_progress']);
    expect(canTransition('needs_review', 'processing')).toBe(true);
    expect(canTransition('needs_review', 'pending')).toBe(true);
    expect(canTransition('needs_review', 'canceled')).toBe(true);
    expect(canTransition('needs_review', 'completed')).toBe(true);
    expect(canTransition('needs_review', 'submitting')).toBe(false);
    expect(canTransition('needs_review', 'in_progress')).toBe(false);
  });
  it('submitting is only entered from pending', () => {
    expect(allowedSources('submitting')).toEqual(['pending']);
  });
  it('assertTransition throws on a bad move', () => {
    expect(() => assertTransition('completed', 'pending')).toThrow(/completed to pending/);
    expect(() => assertTransition('processing', 'completed')).not.toThrow();
  });
});
