import { claimCancel, moveCancel, pendingCancelTarget } from '@smm/db';
import { providerProblem } from '@smm/domain';
import { jobLogger } from '@smm/logger';
import type { JobResult } from '@smm/queue';
import { type TypedJob, UnrecoverableError } from '@smm/queue';
import { takeProviderSlot, waitForSlot } from '../provider-slot.ts';
import { errorRecord } from './outcomes.ts';
import { classifyUpstreamFailure, failureText, type UpstreamDeps } from './upstream-failure.ts';

export type CancelJobResult = JobResult<'forward-cancel'>;

/**
 * `forward-cancel`: the order's cancel request pending → submitting in one guarded statement (only
 * then is the provider called), one `cancel` call, outcome by classification: accepted → `sent`,
 * refused → `rejected`, ambiguous → `needs_review`. The order's own status — and its refund — stay
 * status sync's, which sees Canceled or Partial once the provider has stopped.
 */
export function forwardCancelProcessor(deps: UpstreamDeps) {
  return async (job: TypedJob<'forward-cancel'>, token?: string): Promise<CancelJobResult> => {
    // The slot is taken before the claim: a job over the limit must leave the request `pending`.
    const target = await pendingCancelTarget(deps.sql, job.data.orderId);
    const problem = target?.providerId ? providerProblem(target, deps.allowInsecureProviderUrls) : null;
    if (target && problem) {
      const error = `the order's provider cannot be used: ${problem.reason}`;
      await moveCancel(deps.sql, job.data.orderId, 'pending', { to: 'rejected', error }, target, {
        reason: error,
      });
      return { cancelStatus: 'rejected', error };
    }
    const log = () => jobLogger(deps.logger, job);
    const slot = await takeProviderSlot(deps.slot, target?.providerId ?? null, log);
    if (!slot) return waitForSlot(deps.slot, job, token);
    try {
      return await sendCancel(deps, job);
    } finally {
      await slot.release();
    }
  };
}

async function sendCancel(deps: UpstreamDeps, job: TypedJob<'forward-cancel'>): Promise<CancelJobResult> {
  const { orderId } = job.data;
  const claim = await claimCancel(deps.sql, orderId);
  if (!claim) throw new UnrecoverableError(`order ${orderId} does not exist`);
  if (!claim.claimed) {
    if (claim.state !== 'pending') return { cancelStatus: claim.state };
    const error =
      claim.orderStatus === 'processing' || claim.orderStatus === 'in_progress'
        ? 'the order has no usable provider (inactive)'
        : `the order is ${claim.orderStatus}: nothing to cancel at the provider`;
    await moveCancel(deps.sql, orderId, 'pending', { to: 'rejected', error }, claim, { reason: error });
    return { cancelStatus: 'rejected', error };
  }
  let accepted: { ok: true } | { ok: false; error: string };
  try {
    const client = deps.clients.get({
      id: claim.providerId!,
      apiUrl: claim.apiUrl!,
      apiKeyEnc: claim.apiKeyEnc!,
    });
    const reply = await client.cancel([claim.providerOrderId!]);
    const entry = reply.get(claim.providerOrderId!);
    accepted = entry?.ok ? { ok: true } : { ok: false, error: entry?.error ?? 'no answer for this order' };
  } catch (e) {
    const f = classifyUpstreamFailure(e, 'cancel', job);
    const error = failureText(f.error);
    const to = f.next === 'retry' ? 'pending' : f.next;
    await moveCancel(deps.sql, orderId, 'submitting', { to, error }, claim, errorRecord(f.error));
    if (f.next === 'retry') throw f.error;
    if (f.next === 'needs_review') throw new UnrecoverableError(`needs_review: ${error}`);
    return { cancelStatus: to, error };
  }
  if (!accepted.ok) {
    await moveCancel(deps.sql, orderId, 'submitting', { to: 'rejected', error: accepted.error }, claim, {
      error: accepted.error,
    });
    return { cancelStatus: 'rejected', error: accepted.error };
  }
  // `sent` also asks status sync to look soon: the provider's Canceled/Partial refunds the customer.
  await moveCancel(deps.sql, orderId, 'submitting', { to: 'sent' }, claim, { cancel: 1 });
  return { cancelStatus: 'sent' };
}
