import type { DbClient } from '@smm/db';
import { newId } from '@smm/domain';
import { jobLogger, type Logger } from '@smm/logger';
import { type TypedJob, UnrecoverableError } from '@smm/queue';
import { errorRecord } from './outcomes.ts';
import type { ProviderClients } from './provider-clients.ts';
import { type ProviderSlotDeps, withProviderSlot } from './provider-slot.ts';
import { classifyUpstreamFailure, failureText } from './upstream-failure.ts';

type Sql = DbClient['sql'];

export interface UpstreamDeps {
  sql: Sql;
  clients: ProviderClients;
  logger: Logger;
  allowInsecureProviderUrls: boolean;
  /** The per-provider concurrency limit forward-order takes too: one budget for every call. */
  slot: ProviderSlotDeps;
}

interface RefillClaim {
  claimed: boolean;
  status: string;
  orderId: string;
  userId: string;
  providerOrderId: string | null;
  providerId: string | null;
  apiUrl: string | null;
  apiKeyEnc: string | null;
}

export type RefillJobResult = { status: string; providerRefillId?: string; error?: string };

/**
 * `forward-refill`: move the refill pending → submitting in one guarded statement (only then may this
 * job call the provider), one `refill` call, the outcome by the client's classification. A duplicate
 * or retried job finds the refill past `pending` and calls nobody.
 */
export function forwardRefillProcessor(deps: UpstreamDeps) {
  return async (job: TypedJob<'forward-refill'>, token?: string): Promise<RefillJobResult> => {
    // The slot is taken before the claim: a job over the limit must leave the refill `pending`.
    const providerId = await pendingRefillProvider(deps.sql, job.data.refillId);
    const log = () => jobLogger(deps.logger, job);
    return withProviderSlot(deps.slot, job, token, providerId, log, () => sendRefill(deps, job));
  };
}

async function sendRefill(deps: UpstreamDeps, job: TypedJob<'forward-refill'>): Promise<RefillJobResult> {
  const { refillId } = job.data;
  const claim = await claimRefill(deps.sql, refillId, deps.allowInsecureProviderUrls);
  if (!claim) throw new UnrecoverableError(`refill ${refillId} does not exist`);
  if (!claim.claimed) {
    if (claim.status !== 'pending') return { status: claim.status };
    const error = 'the order has no usable provider (inactive, not https, or not at a provider)';
    await settle(deps.sql, refillId, 'pending', { status: 'rejected', error }, claim, { reason: error });
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
    await settle(deps.sql, refillId, 'submitting', { status, error }, claim, errorRecord(f.error));
    if (f.next === 'retry') throw f.error;
    if (f.next === 'needs_review') throw new UnrecoverableError(`needs_review: ${error}`);
    return { status, error };
  }
  if (!reply.ok) {
    await settle(deps.sql, refillId, 'submitting', { status: 'rejected', error: reply.error }, claim, {
      error: reply.error,
    });
    return { status: 'rejected', error: reply.error };
  }
  await settle(
    deps.sql,
    refillId,
    'submitting',
    { status: 'processing', providerRefillId: reply.value },
    claim,
    { refill: reply.value },
  );
  return { status: 'processing', providerRefillId: reply.value };
}

/** The provider a still-pending refill goes to; null when there is nothing to send (the claim says why). */
async function pendingRefillProvider(sql: Sql, refillId: string): Promise<string | null> {
  const [row] = await sql<{ providerId: string | null }[]>`
    select o.provider_id as "providerId" from refills r join orders o on o.id = r.order_id
    where r.id = ${refillId} and r.status = 'pending'`;
  return row?.providerId ?? null;
}

async function claimRefill(sql: Sql, refillId: string, insecureOk: boolean): Promise<RefillClaim | null> {
  const [row] = await sql<RefillClaim[]>`
    with t as (
      select r.id, r.status, r.order_id, r.user_id, o.provider_order_id, p.id as provider_id, p.api_url,
             p.api_key_enc, p.status as provider_status
      from refills r join orders o on o.id = r.order_id left join api_providers p on p.id = o.provider_id
      where r.id = ${refillId}
    ),
    m as (
      update refills set status = 'submitting', updated_at = now()
      from t
      where refills.id = t.id and refills.status = 'pending' and t.provider_order_id is not null
        and t.provider_status = 'active' and (${insecureOk}::boolean or t.api_url like 'https://%')
      returning refills.id
    )
    select exists (select 1 from m) as claimed, t.status, t.order_id as "orderId", t.user_id as "userId",
           t.provider_order_id as "providerOrderId", t.provider_id as "providerId", t.api_url as "apiUrl",
           t.api_key_enc as "apiKeyEnc"
    from t`;
  return row ?? null;
}

/** One guarded move of the refill plus its activity row; a no-op if the refill moved on meanwhile. */
async function settle(
  sql: Sql,
  refillId: string,
  from: 'pending' | 'submitting',
  to: { status: string; error?: string; providerRefillId?: string },
  claim: RefillClaim,
  record: Record<string, unknown>,
): Promise<void> {
  await sql`
    with r as (
      update refills
      set status = ${to.status}, last_error = ${to.error ?? null},
          provider_refill_id = coalesce(${to.providerRefillId ?? null}, provider_refill_id), updated_at = now()
      where id = ${refillId} and status = ${from}
      returning id
    )
    insert into activity_log (id, order_id, provider_id, provider_order_id, user_id, action, message, provider_response)
    select ${newId('activity')}, ${claim.orderId}, ${claim.providerId}, ${claim.providerOrderId}, ${claim.userId},
           ${`refill.${to.status}`}, ${`refill ${refillId}${to.error ? `: ${to.error}` : ''}`},
           ${JSON.stringify(record)}::jsonb
    from r`;
}
