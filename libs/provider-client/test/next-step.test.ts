import { describe, expect, it } from 'vitest';
import { asProviderError, NEXT_STEP, nextStep, PROVIDER_ERROR_KINDS, ProviderError } from '../src/index.ts';

describe('the next step after a failed call', () => {
  it('has one step for every kind', () => {
    expect(Object.keys(NEXT_STEP).sort()).toEqual([...PROVIDER_ERROR_KINDS].sort());
    const step = (kind: (typeof PROVIDER_ERROR_KINDS)[number]) =>
      nextStep(new ProviderError({ kind, action: 'add', message: kind }));
    expect(step('not_sent')).toBe('retry');
    expect(step('rate_limited')).toBe('retry');
    expect(step('rejected_soft')).toBe('wait');
    expect(step('rejected_hard')).toBe('refuse');
    expect(step('ambiguous')).toBe('review');
  });

  it('takes anything that is not a ProviderError as ambiguous: never re-sent', () => {
    const e = asProviderError(new TypeError('boom'), 'add');
    expect(e.kind).toBe('ambiguous');
    expect(nextStep(e)).toBe('review');
    expect(e.retryableForAdd).toBe(false);
  });
});
