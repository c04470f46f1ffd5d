import { claimRefill, moveRefill, pendingRefillTarget } from '@smm/db';
import { providerProblem } from '@smm/domain';
import { jobLogger } from '@smm/logger';
import type { ProviderClients } from '@smm/provider-client';
import type { JobResult } from '@smm/queue';
import { type TypedJob, UnrecoverableError } from '@smm/queue';
import { takeProviderSlot, waitForSlot } from '../provider-slot.ts';
import { errorRecord } from './outcomes.ts';
import { classifyUpstreamFailure, failureText, type UpstreamDeps } from './upstream-failure.ts';

export type RefillJobResult = JobResult<'forward-refill'>;

/**
 * `forward-refill`: move the refill pending → submitting in one guarded statement (only then may this
 * job call the provider), one `refill` call, the outcome by the client's classification. A duplicate
 * or retried job finds the refill past `pending` and calls nobody.
 */
export function forwardRefillProcessor(deps: UpstreamDeps) {
  return async (job: TypedJob<'forward-refill'>, token?: string): Promise<RefillJobResult> => {
    // The slot is taken before the claim: a job over the limit must leave the refill `pending`.
    const target = await pendingRefillTarget(deps.sql, job.data.refillId);
    const problem = target?.providerId ? providerProblem(target, deps.allowInsecureProviderUrls) : null;
    if (target && problem) {
      const error = `the order's provider cannot be used: ${problem.reason}`;
      await moveRefill(deps.sql, job.data.refillId, 'pending', { status: 'rejected', error }, target, {
        reason: error,
      });
      return { status: 'rejected', error };
    }
    const log = () => jobLogger(deps.logger, job);
    const slot = await takeProviderSlot(deps.slot, target?.providerId ?? null, log);
    if (!slot) return waitForSlot(deps.slot, job, token);
    try {
      return await sendRefill(deps, job);
    } finally {
      await slot.release();
    }
  };
}

async function sendRefill(deps: UpstreamDeps, job: TypedJob<'forward-refill'>): Promise<RefillJobResult> {
  const { refillId } = job.data;
  const claim = await claimRefill(deps.sql, refillId);
  if (!claim) throw new UnrecoverableError(`refill ${refillId} does not exist`);
  if (!claim.claimed) {
    if (claim.state !== 'pending') return { status: claim.state ?? 'rejected' };
    const error = 'the order has no usable provider (inactive, or not at a provider)';
    await moveRefill(deps.sql, refillId, 'pending', { status: 'rejected', error }, claim, { reason: error });
    return { status: 'rejected', error };
  }
  let reply: Awaited<ReturnType<ReturnType<ProviderClients['get']>['refill']>>;
  try {
    const client = deps.clients.get({
      id: claim.providerId!,
      apiUrl: claim.apiUrl!,
      apiKeyEnc: claim.apiKeyEnc!,
    });
    reply = await client.refill(claim.providerOrderId!);
  } catch (e) {
    const f = classifyUpstreamFailure(e, 'refill', job);
    const error = failureText(f.error);
    const status = f.next === 'retry' ? 'pending' : f.next;
    await moveRefill(deps.sql, refillId, 'submitting', { status, error }, claim, errorRecord(f.error));
    if (f.next === 'retry') throw f.error;
    if (f.next === 'needs_review') throw new UnrecoverableError(`needs_review: ${error}`);
    return { status, error };
  }
  if (!reply.ok) {
    await moveRefill(deps.sql, refillId, 'submitting', { status: 'rejected', error: reply.error }, claim, {
      error: reply.error,
    });
    return { status: 'rejected', error: reply.error };
  }
  await moveRefill(
    deps.sql,
    refillId,
    'submitting',
    { status: 'processing', providerRefillId: reply.value },
    claim,
    { refill: reply.value },
  );
  return { status: 'processing', providerRefillId: reply.value };
}
