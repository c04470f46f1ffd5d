import type { DbClient } from '@smm/db';
import type { OrderStatus } from '@smm/domain';

type Sql = DbClient['sql'];

export interface OrderTarget {
  status: OrderStatus;
  providerOrderId: string | null;
  providerId: string | null;
}

/** Which provider an order goes to when the job does not name one (a repair re-enqueue). */
export async function findOrderTarget(sql: Sql, orderId: string): Promise<OrderTarget | null> {
  const [row] = await sql<OrderTarget[]>`
    select o.status, o.provider_order_id as "providerOrderId", coalesce(o.provider_id, s.provider_id) as "providerId"
    from orders o join services s on s.id = o.service_id
    where o.id = ${orderId}`;
  return row ?? null;
}

export interface Claim {
  /** True when this job moved the order pending → submitting: it alone may call `add` now. */
  claimed: boolean;
  status: OrderStatus;
  providerOrderId: string | null;
  forwardRound: number;
  link: string;
  quantity: number;
  runs: number | null;
  interval: number | null;
  comments: string | null;
  providerServiceId: string | null;
  serviceType: string;
  mode: 'auto' | 'manual';
  providerId: string | null;
  apiUrl: string | null;
  apiKeyEnc: string | null;
  providerStatus: 'active' | 'inactive' | null;
}

export interface ClaimInput {
  orderId: string;
  providerId: string;
  /** The job names its provider: an admin forward, allowed for manual-mode services too. */
  explicitProvider: boolean;
  allowInsecureUrls: boolean;
}

/**
 * §7 step 1, in one statement for a batch of orders (one order id at most once): read each order with
 * its service and provider, and move it pending → submitting only if it is pending and can be sent
 * (active provider, https unless allowed, a provider service id, auto mode or an explicit provider).
 * The status guard is re-checked under each row's lock, so of two jobs racing for one order exactly
 * one gets `claimed`. Whatever stops a move is visible in the returned row; null = no such order.
 */
export async function claimOrders(sql: Sql, inputs: readonly ClaimInput[]): Promise<Array<Claim | null>> {
  const rows = await sql<(Claim & { orderId: string })[]>`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(
        inputs.map((i) => ({
          order_id: i.orderId,
          provider_id: i.providerId,
          explicit: i.explicitProvider,
          insecure_ok: i.allowInsecureUrls,
        })),
      )}::jsonb) as r(order_id text, provider_id text, explicit boolean, insecure_ok boolean)
    ),
    t as (
      select o.id, o.status, o.provider_order_id, o.forward_round, o.link, o.quantity, o.runs, o."interval",
             o.comments, s.provider_service_id, s.type as service_type, s.mode,
             p.id as provider_id, p.api_url, p.api_key_enc, p.status as provider_status, r.explicit, r.insecure_ok
      from r
      join orders o on o.id = r.order_id
      join services s on s.id = o.service_id
      left join api_providers p on p.id = r.provider_id
    ),
    m as (
      update orders o
      set status = 'submitting', submit_attempts = o.submit_attempts + 1, submitted_at = now(),
          updated_at = now(), provider_id = t.provider_id
      from t
      where o.id = t.id and o.status = 'pending'
        and t.provider_status = 'active' and t.provider_service_id is not null
        and (t.mode = 'auto' or t.explicit) and (t.insecure_ok or t.api_url like 'https://%')
      returning o.id
    )
    select t.id as "orderId", t.id in (select id from m) as claimed, t.status,
           t.provider_order_id as "providerOrderId", t.forward_round as "forwardRound", t.link, t.quantity,
           t.runs, t."interval", t.comments, t.provider_service_id as "providerServiceId",
           t.service_type as "serviceType", t.mode, t.provider_id as "providerId", t.api_url as "apiUrl",
           t.api_key_enc as "apiKeyEnc", t.provider_status as "providerStatus"
    from t`;
  const byId = new Map(rows.map((r) => [r.orderId, r]));
  return inputs.map((i) => byId.get(i.orderId) ?? null);
}

/** Why a pending order could not be claimed, or null when only a race with another job stopped it. */
export function blockedReason(
  c: Claim,
  input: ClaimInput,
): { reason: string; providerIssue: boolean } | null {
  if (c.providerId === null) return { reason: 'the provider does not exist', providerIssue: false };
  if (c.mode !== 'auto' && !input.explicitProvider)
    return { reason: 'manual-mode service: waits for an admin to forward it', providerIssue: false };
  if (c.providerServiceId === null)
    return { reason: 'the service has no provider service id', providerIssue: false };
  if (c.providerStatus !== 'active') return { reason: 'the provider is inactive', providerIssue: true };
  if (!input.allowInsecureUrls && !c.apiUrl?.startsWith('https://'))
    return { reason: 'the provider URL is not https', providerIssue: true };
  return null;
}
