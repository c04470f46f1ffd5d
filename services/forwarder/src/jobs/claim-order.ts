import type { Claim, ClaimInput } from '@smm/db';

export type { Claim, ClaimInput, OrderTarget, TargetInput } from '@smm/db';

export type Blocked =
  /** The order waits for an admin (manual mode, no number, unsupported type). */
  | { next: 'wait'; reason: string }
  /** The provider cannot be used now: the order waits, the provider is flagged. */
  | { next: 'defer'; reason: string }
  /** The service moved to another provider since the job read it: try again at once. */
  | { next: 'retry'; reason: string };

/** Why a pending order could not be claimed, or null when only a race with another job stopped it. */
export function blockedReason(c: Claim, input: ClaimInput): Blocked | null {
  if (c.serviceProviderId === null) return { next: 'wait', reason: 'the service has no provider' };
  if (c.serviceProviderId !== input.providerId) {
    return input.adminForward
      ? { next: 'wait', reason: 'the service has no provider service number at that provider' }
      : { next: 'retry', reason: 'the service moved to another provider' };
  }
  if (c.mode !== 'auto' && !input.adminForward)
    return { next: 'wait', reason: 'manual-mode service: waits for an admin to forward it' };
  if (c.providerServiceId === null) return { next: 'wait', reason: 'the service has no provider service id' };
  if (c.providerId === null) return { next: 'wait', reason: 'the provider does not exist' };
  // Deactivated between the look-up and the claim (the URL rule was checked on the target).
  if (c.providerStatus !== 'active') return { next: 'defer', reason: 'the provider is inactive' };
  return null;
}
