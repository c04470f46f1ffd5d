import type { OrderStatus } from '@smm/domain';
import type { SqlLike } from '../sql-like.ts';
import { sourcesOf } from './transition.ts';

type Sql = SqlLike;

export interface OrderTarget {
  status: OrderStatus;
  providerOrderId: string | null;
  /** What was sold (fixed at intake, so checking it before the claim cannot race). */
  serviceType: string;
  /** Where the order would go now: the admin's explicit provider, else its service's provider. */
  providerId: string | null;
  /** That provider's calls in a row without an answer, and how long its open breaker still holds (0: closed). */
  ambiguousStreak: number;
  breakerWaitMs: number;
  /** What "is this provider usable" needs (domain `providerProblem`). */
  providerStatus: string | null;
  apiUrl: string | null;
}

export interface TargetInput {
  orderId: string;
  /** An admin forward's explicit provider; otherwise the service's provider is the target. */
  adminProviderId: string | undefined;
}

/**
 * The provider each job would send its order to, read (for a batch of jobs in one statement) before
 * the claim so the job can take that provider's concurrency slot first. The claim re-reads the
 * service in its own statement and refuses if the provider changed in between.
 */
export async function findOrderTargets(
  sql: Sql,
  inputs: readonly TargetInput[],
): Promise<Array<OrderTarget | null>> {
  const rows = await sql<(OrderTarget & { orderId: string })[]>`
    select o.id as "orderId", o.status, o.provider_order_id as "providerOrderId", o.service_type as "serviceType",
           coalesce(r.admin_provider_id, s.provider_id) as "providerId",
           coalesce(p.ambiguous_streak, 0) as "ambiguousStreak", p.status as "providerStatus", p.api_url as "apiUrl",
           greatest(0, coalesce(extract(epoch from p.breaker_open_until - now()) * 1000, 0))::float8 as "breakerWaitMs"
    from jsonb_to_recordset(${JSON.stringify(
      inputs.map((i) => ({ order_id: i.orderId, admin_provider_id: i.adminProviderId ?? null })),
    )}::jsonb) as r(order_id text, admin_provider_id text)
    join orders o on o.id = r.order_id
    join services s on s.id = o.service_id
    left join api_providers p on p.id = coalesce(r.admin_provider_id, s.provider_id)`;
  const byId = new Map(rows.map((r) => [r.orderId, r]));
  return inputs.map((i) => byId.get(i.orderId) ?? null);
}

export interface Claim {
  /** True when this job moved the order pending → submitting: it alone may call `add` now. */
  claimed: boolean;
  status: OrderStatus;
  providerOrderId: string | null;
  forwardRound: number;
  /** The attempt this claim made (`submit_attempts` after it): the success write is guarded by it. */
  attempt: number;
  softRejections: number;
  link: string;
  quantity: number;
  runs: number | null;
  interval: number | null;
  comments: string | null;
  /** What was sold: the order's own snapshot. */
  serviceType: string;
  /** The provider and its service number, read together from the service row in the claim. */
  serviceProviderId: string | null;
  providerServiceId: string | null;
  mode: 'auto' | 'manual';
  providerId: string | null;
  apiUrl: string | null;
  apiKeyEnc: string | null;
  providerStatus: 'active' | 'inactive' | null;
}

export interface ClaimInput {
  orderId: string;
  /** The provider whose slot the job holds: where it will send. */
  providerId: string;
  /** An admin's explicit forward: allowed for manual-mode services, to the service's own provider. */
  adminForward: boolean;
}

/**
 * architecture.md#jobs step 1, in one statement for a batch of orders (one order id at most once): read each order with
 * its service and provider, and move it pending → submitting only if it is pending and can be sent:
 * the service's provider is the one the job holds the slot of (an admin forward names it explicitly,
 * and the service must have a number there), that provider is active (its URL was checked
 * on the target: domain `providerProblem`), the service has a provider service number, and the
 * service is in auto mode (or an admin forwards). The type was checked before on the order's own
 * snapshot. The status guard is re-checked under each row's lock, so of two jobs racing for one
 * order exactly one gets `claimed`. Whatever stops a move is visible in the row; null = no such order.
 */
export async function claimOrders(sql: Sql, inputs: readonly ClaimInput[]): Promise<Array<Claim | null>> {
  const rows = await sql<(Claim & { orderId: string })[]>`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(
        inputs.map((i) => ({
          order_id: i.orderId,
          provider_id: i.providerId,
          admin: i.adminForward,
        })),
      )}::jsonb) as r(order_id text, provider_id text, admin boolean)
    ),
    t as (
      select o.id, o.status, o.provider_order_id, o.forward_round, o.submit_attempts, o.soft_rejections, o.link,
             o.quantity, o.runs, o."interval", o.comments, o.service_type, s.provider_id as service_provider_id,
             s.provider_service_id, s.mode, p.id as provider_id, p.api_url, p.api_key_enc,
             p.status as provider_status, r.admin
      from r
      join orders o on o.id = r.order_id
      join services s on s.id = o.service_id
      left join api_providers p on p.id = r.provider_id and p.id = s.provider_id
    ),
    m as (
      update orders o
      set status = 'submitting', submit_attempts = o.submit_attempts + 1, submitted_at = now(),
          updated_at = now(), provider_id = t.provider_id, sent_service_id = t.provider_service_id
      from t
      where o.id = t.id and o.status = any(${sourcesOf('submitting')}::text[])
        and t.provider_id is not null and t.provider_status = 'active' and t.provider_service_id is not null
        -- The row-level half of "is this provider usable" (its URL was checked on the target).
        and (t.mode = 'auto' or t.admin)
      returning o.id, o.submit_attempts
    )
    select t.id as "orderId", m.id is not null as claimed, t.status,
           t.provider_order_id as "providerOrderId", t.forward_round as "forwardRound",
           coalesce(m.submit_attempts, t.submit_attempts) as attempt, t.soft_rejections as "softRejections",
           t.link, t.quantity, t.runs, t."interval", t.comments, t.service_type as "serviceType",
           t.service_provider_id as "serviceProviderId", t.provider_service_id as "providerServiceId", t.mode,
           t.provider_id as "providerId", t.api_url as "apiUrl", t.api_key_enc as "apiKeyEnc",
           t.provider_status as "providerStatus"
    from t left join m on m.id = t.id`;
  const byId = new Map(rows.map((r) => [r.orderId, r]));
  return inputs.map((i) => byId.get(i.orderId) ?? null);
}
