import type { DbClient } from '@smm/db';
import { newId } from '@smm/domain';
import { jobLogger } from '@smm/logger';
import { type TypedJob, UnrecoverableError } from '@smm/queue';
import type { UpstreamDeps } from './forward-refill.ts';
import { errorRecord } from './outcomes.ts';
import { withProviderSlot } from './provider-slot.ts';
import { classifyUpstreamFailure, failureText } from './upstream-failure.ts';

type Sql = DbClient['sql'];

interface CancelClaim {
  claimed: boolean;
  cancelStatus: string | null;
  status: string;
  userId: string;
  providerOrderId: string | null;
  providerId: string | null;
  apiUrl: string | null;
  apiKeyEnc: string | null;
}

export type CancelJobResult = { cancelStatus: string | null; error?: string };

/**
 * `forward-cancel`: the order's cancel request pending → submitting in one guarded statement (only
 * then is the provider called), one `cancel` call, outcome by classification: accepted → `sent`,
 * refused → `rejected`, ambiguous → `needs_review`. The order's own status — and its refund — stay
 * status sync's, which sees Canceled or Partial once the provider has stopped.
 */
export function forwardCancelProcessor(deps: UpstreamDeps) {
  return async (job: TypedJob<'forward-cancel'>, token?: string): Promise<CancelJobResult> => {
    // The slot is taken before the claim: a job over the limit must leave the request `pending`.
    const providerId = await pendingCancelProvider(deps.sql, job.data.orderId);
    const log = () => jobLogger(deps.logger, job);
    return withProviderSlot(deps.slot, job, token, providerId, log, () => sendCancel(deps, job));
  };
}

async function sendCancel(deps: UpstreamDeps, job: TypedJob<'forward-cancel'>): Promise<CancelJobResult> {
  const { orderId } = job.data;
  const claim = await claimCancel(deps.sql, orderId, deps.allowInsecureProviderUrls);
  if (!claim) throw new UnrecoverableError(`order ${orderId} does not exist`);
  if (!claim.claimed) {
    if (claim.cancelStatus !== 'pending') return { cancelStatus: claim.cancelStatus };
    const error =
      claim.status === 'processing' || claim.status === 'in_progress'
        ? 'the order has no usable provider (inactive or not https)'
        : `the order is ${claim.status}: nothing to cancel at the provider`;
    await settle(deps.sql, orderId, 'pending', { to: 'rejected', error }, claim, { reason: error });
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
    await settle(deps.sql, orderId, 'submitting', { to, error }, claim, errorRecord(f.error));
    if (f.next === 'retry') throw f.error;
    if (f.next === 'needs_review') throw new UnrecoverableError(`needs_review: ${error}`);
    return { cancelStatus: to, error };
  }
  if (!accepted.ok) {
    await settle(deps.sql, orderId, 'submitting', { to: 'rejected', error: accepted.error }, claim, {
      error: accepted.error,
    });
    return { cancelStatus: 'rejected', error: accepted.error };
  }
  await settle(deps.sql, orderId, 'submitting', { to: 'sent' }, claim, { cancel: 1 });
  // Look again soon: the provider's Canceled/Partial is what refunds the customer.
  await deps.sql`update orders set next_status_check = now() where id = ${orderId} and status in ('processing', 'in_progress')`;
  return { cancelStatus: 'sent' };
}

/** The provider a still-pending cancel request goes to; null when there is nothing to send. */
async function pendingCancelProvider(sql: Sql, orderId: string): Promise<string | null> {
  const [row] = await sql<{ providerId: string | null }[]>`
    select provider_id as "providerId" from orders where id = ${orderId} and cancel_status = 'pending'`;
  return row?.providerId ?? null;
}
async function claimCancel(sql: Sql, orderId: string, insecureOk: boolean): Promise<CancelClaim | null> {
  const [row] = await sql<CancelClaim[]>`
    with t as (
      select o.id, o.status, o.cancel_status, o.user_id, o.provider_order_id, p.id as provider_id, p.api_url,
             p.api_key_enc, p.status as provider_status
      from orders o left join api_providers p on p.id = o.provider_id
      where o.id = ${orderId}
    ),
    m as (
      update orders set cancel_status = 'submitting', updated_at = now()
      from t
      where orders.id = t.id and orders.cancel_status = 'pending'
        and orders.status in ('processing', 'in_progress') and t.provider_order_id is not null
        and t.provider_status = 'active' and (${insecureOk}::boolean or t.api_url like 'https://%')
      returning orders.id
    )
    select exists (select 1 from m) as claimed, t.cancel_status as "cancelStatus", t.status,
           t.user_id as "userId", t.provider_order_id as "providerOrderId", t.provider_id as "providerId",
           t.api_url as "apiUrl", t.api_key_enc as "apiKeyEnc"
    from t`;
  return row ?? null;
}

async function settle(
  sql: Sql,
  orderId: string,
  from: 'pending' | 'submitting',
  to: { to: string; error?: string },
  claim: CancelClaim,
  record: Record<string, unknown>,
): Promise<void> {
  await sql`
    with o as (
      update orders set cancel_status = ${to.to}, cancel_error = ${to.error ?? null}, updated_at = now()
      where id = ${orderId} and cancel_status = ${from}
      returning id
    )
    insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
    select ${newId('activity')}, ${orderId}, ${claim.providerId}, ${claim.providerOrderId}, ${claim.userId},
           ${`order.cancel_${to.to}`}, ${`provider cancel ${to.to}${to.error ? `: ${to.error}` : ''}`},
           ${JSON.stringify(record)}::jsonb
    from o`;
}
